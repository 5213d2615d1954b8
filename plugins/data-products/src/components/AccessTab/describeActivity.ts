import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { utcDate } from '../shared/dates';

/**
 * Why a processing activity cannot be a legal basis today, or undefined when
 * it can. The backend refuses the same activities; the form shows them
 * disabled, with this reason.
 */
export function activityProblem(
  activity: ProcessingActivity,
  now: Date,
): string | undefined {
  const today = utcDate(now);
  if (activity.status !== 'COMPLETED') {
    return `not in force (${activity.status})`;
  }
  if (activity.validFrom && activity.validFrom > today) {
    return `valid only from ${activity.validFrom}`;
  }
  if (activity.validTo && activity.validTo < today) {
    return `expired on ${activity.validTo}`;
  }
  return undefined;
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
