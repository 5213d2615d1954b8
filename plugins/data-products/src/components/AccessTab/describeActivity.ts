import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';

/** "Art. 6(1)(e) public task", or the bare code when the register gives no text. */
export function describeArt6(activity: ProcessingActivity): string {
  return activity.art6Description ?? activity.art6Basis ?? 'no Art. 6 basis';
}

/** "2021-01-01 – 2030-12-31", "from 2018-01-01", or "no dates given". */
export function describeValidity(activity: ProcessingActivity): string {
  if (activity.validFrom && activity.validTo) {
    return `${activity.validFrom} – ${activity.validTo}`;
  }
  if (activity.validFrom) return `from ${activity.validFrom}`;
  if (activity.validTo) return `until ${activity.validTo}`;
  return 'no dates given';
}
