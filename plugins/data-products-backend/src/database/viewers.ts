import type { AccessRequestStatus } from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';

export const VIEWERS = 'access_request_viewers';

/** Why a viewer row exists: the request is by, for, or decided by its viewer. */
export type ViewerRole = 'requester' | 'subject' | 'decider';
export const VIEWER_ROLES: ViewerRole[] = ['requester', 'subject', 'decider'];

export type ViewerRow = {
  request_id: string;
  viewer_ref: string;
  role: ViewerRole;
  status: AccessRequestStatus;
  created_at: number | string;
  ends_at: number | string;
  entity_ref: string;
  requester_ref: string;
  subject_ref: string;
};

/** The rows that make a new request visible to its requester, subject and deciders. */
export function viewerRowsOf(
  request: Omit<ViewerRow, 'viewer_ref' | 'role'>,
  deciders: string[],
): ViewerRow[] {
  return [
    { ...request, viewer_ref: request.requester_ref, role: 'requester' },
    { ...request, viewer_ref: request.subject_ref, role: 'subject' },
    ...[...new Set(deciders)].map(ref => ({
      ...request,
      viewer_ref: ref,
      role: 'decider' as const,
    })),
  ];
}

/** Keeps the copies of a request's status and end in step, in the transition's transaction. */
export async function updateViewers(
  tx: Knex,
  requestId: string,
  patch: { status: AccessRequestStatus; ends_at?: number | string },
) {
  await tx(VIEWERS).where({ request_id: requestId }).update(patch);
}

/**
 * Makes `deciders` the deciders of the open requests for one port: a new
 * owner sees and decides them, a former owner no longer sees them. Decided
 * requests keep the deciders they had. Set-based: no rows come into Node.
 */
export async function syncPortDeciders(
  db: Knex,
  entityRef: string,
  outputPort: string,
  deciders: string[],
): Promise<void> {
  const open = { entity_ref: entityRef, output_port: outputPort };
  await db.transaction(async tx => {
    const stale = tx(VIEWERS)
      .where({ role: 'decider' })
      .whereIn('request_id', q =>
        q
          .select('id')
          .from('access_requests')
          .where(open)
          .whereIn('status', ['pending', 'approved']),
      );
    if (deciders.length > 0) stale.whereNotIn('viewer_ref', deciders);
    await stale.delete();
    for (const ref of deciders) {
      await tx.raw(
        `INSERT INTO ${VIEWERS}
           (request_id, viewer_ref, role, status, created_at, ends_at, entity_ref, requester_ref, subject_ref)
         SELECT r.id, ?, 'decider', r.status, r.created_at, r.ends_at, r.entity_ref, r.requester_ref, r.subject_ref
         FROM access_requests r
         WHERE r.entity_ref = ? AND r.output_port = ? AND r.status IN ('pending', 'approved')
           AND NOT EXISTS (
             SELECT 1 FROM ${VIEWERS} v
             WHERE v.request_id = r.id AND v.role = 'decider' AND v.viewer_ref = ?
           )`,
        [ref, entityRef, outputPort, ref],
      );
    }
  });
}
