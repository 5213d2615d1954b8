import { AdrStatusChange } from '@datamesh-governance/plugin-governance-common';

/** The ADR's own date for the change, or else the day the portal saw it (yyyy-mm-dd). */
export function decidedOn(change: AdrStatusChange): string {
  return change.adrDate ?? change.seenAt.slice(0, 10);
}
