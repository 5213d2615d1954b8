import {
  AccessRequest,
  effectiveStatus,
} from '@datamesh-governance/plugin-data-products-common';

/** Rows of current access shown before "Show all": the port cards stay in view. */
export const CURRENT_ROWS_SHOWN = 3;

/**
 * The viewer's requests split into what is in force or still open (approved,
 * pending; newest first) and what is over (rejected, cancelled, expired,
 * revoked; most recently closed first). An approved request whose end date
 * has passed counts as expired.
 */
export function yourAccessSections(
  items: AccessRequest[],
  now: Date = new Date(),
): { current: AccessRequest[]; past: AccessRequest[] } {
  const current: AccessRequest[] = [];
  const past: AccessRequest[] = [];
  for (const request of items) {
    const status = effectiveStatus(request, now);
    (status === 'pending' || status === 'approved' ? current : past).push(
      request,
    );
  }
  current.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  past.sort((a, b) => closedAt(b).localeCompare(closedAt(a)));
  return { current, past };
}

/** When a request was closed: its end date if it ran out, else its last change. */
function closedAt(request: AccessRequest): string {
  return request.status === 'pending' || request.status === 'approved'
    ? request.endsAt
    : request.updatedAt;
}
