import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import pLimit from 'p-limit';
import { AccessRequestChange, AccessRequestListener } from './changes';

/** Subjects the catalog draws lineage for (see the catalog module). */
const LINEAGE_SUBJECTS = ['component:', 'group:'];

/**
 * Refreshes asked of the catalog at once: a bulk decision over many
 * subjects would otherwise ask for dozens together. A catalog on SQLite
 * still answers some "database is locked" while it processes; such a
 * refresh is logged, and lineage follows at the catalog's next processing.
 */
const CONCURRENT_REFRESHES = 4;

/** Changes that start or end a grant, so may add or drop a lineage relation. */
function startsOrEndsGrant(change: AccessRequestChange): boolean {
  switch (change.kind) {
    case 'create':
      // An automatic port approves in the same transaction.
      return change.request.status === 'approved';
    case 'approve':
    case 'revoke':
    case 'expire':
    case 'cancel':
      return true;
    default:
      return false;
  }
}

/**
 * Asks the catalog to process the grant's subject and data product again,
 * so that the lineage relations follow within one processing cycle
 * instead of whenever the catalog would have come round to them. A ref
 * already being refreshed is not asked for again: a bulk decision over
 * three products refreshes each product once, not once per request, and
 * at most a few refreshes run at a time.
 */
export function refreshLineage(
  catalog: CatalogService,
  auth: AuthService,
): AccessRequestListener {
  const inFlight = new Map<string, Promise<void>>();
  const limit = pLimit(CONCURRENT_REFRESHES);
  const refresh = (ref: string) => {
    let running = inFlight.get(ref);
    if (!running) {
      running = limit(async () => {
        const credentials = await auth.getOwnServiceCredentials();
        await catalog.refreshEntity(ref, { credentials });
      }).finally(() => inFlight.delete(ref));
      inFlight.set(ref, running);
    }
    return running;
  };
  return async change => {
    const { subjectRef, entityRef } = change.request;
    if (!startsOrEndsGrant(change)) return;
    if (!LINEAGE_SUBJECTS.some(kind => subjectRef.startsWith(kind))) return;
    await Promise.all([subjectRef, entityRef].map(refresh));
  };
}
