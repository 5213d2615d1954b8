// One bulk decision as the Access inbox sends it: 100 pending requests of
// the measured owner, spread over three products, approved at once. Counts
// what the backend asked the catalog and the permission backend meanwhile.
import { asUser } from './backend.mjs';
import { MEASURED_OWNER, membershipsOf } from './org.mjs';
import { measuredProducts } from './requests.mjs';

export const BULK_SIZE = 100;

/** Pending requests the owner may decide, taken from the three products in turn. */
export function pickBulkIds(requests) {
  const ownClaims = membershipsOf(MEASURED_OWNER);
  const queues = measuredProducts.bulk.map(entityRef =>
    requests.filter(
      r =>
        r.entityRef === entityRef &&
        r.status === 'pending' &&
        !ownClaims.includes(r.requesterRef) &&
        !ownClaims.includes(r.subjectRef),
    ),
  );
  const ids = [];
  for (let i = 0; ids.length < BULK_SIZE; i++) {
    const queue = queues[i % queues.length];
    const next = queue.shift();
    if (next) ids.push(next.id);
    if (queues.every(q => q.length === 0)) break;
  }
  return ids;
}

const isCatalogRead = ({ method, path }) =>
  path.startsWith('/api/catalog/entities') &&
  (method === 'GET' || /\/by-(refs|query)$/.test(path));

/** `GET /api/catalog/entities/by-name/dataproduct/default/x` → `…/by-name/dataproduct/:name`; ids → `:id`. */
const routeOf = path =>
  path
    .replace(/(\/by-name\/[^/]+)\/.*/, '$1/:name')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');

/**
 * Waits until every call the plugin has made since the recorder started
 * has finished, and it has made none for `idleMs`; returns when the last
 * one finished (performance.now()). Only the plugin's own calls: the
 * catalog, processing the entities the plugin refreshed, calls back on its
 * own schedule for tens of seconds.
 */
async function pluginDone(recorder, idleMs = 300, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  let seen = -1;
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, idleMs));
    const served = recorder.peek().filter(r => r.caller === 'data-products');
    const finished = served.every(r => r.finishedAt !== undefined);
    if ((finished && served.length === seen) || performance.now() > deadline) {
      return Math.max(0, ...served.map(r => r.finishedAt ?? 0));
    }
    seen = served.length;
  }
}

/**
 * Approves `ids` over HTTP and reports time, outcome, and every HTTP call
 * the backend served meanwhile, by caller.
 */
export async function measureBulkDecision(target, ids) {
  let statements = 0;
  const countStatement = () => {
    statements += 1;
  };
  target.knex.on('query', countStatement);
  target.requests.start();
  const start = performance.now();
  const response = await fetch(
    `${target.baseUrl}/api/data-products/requests/decisions`,
    {
      method: 'POST',
      headers: {
        ...asUser(MEASURED_OWNER),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        decisions: ids.map(id => ({ id, action: 'approve' })),
      }),
    },
  );
  const body = await response.json();
  const ms = performance.now() - start;
  // Notifications, signals and catalog refreshes follow the answer.
  const effectsDone = await pluginDone(target.requests);
  const served = target.requests.stop();
  target.knex.removeListener('query', countStatement);
  if (!response.ok) {
    throw new Error(
      `Bulk decision: ${response.status} ${JSON.stringify(body)}`,
    );
  }
  const byPlugin = served.filter(r => r.caller === 'data-products');
  const others = new Map();
  for (const r of served) {
    if (r.caller === 'client') continue;
    if (r.caller === 'data-products' && isCatalogRead(r)) continue;
    if (r.path.startsWith('/api/permission/authorize')) continue;
    if (r.path.endsWith('/permissions/apply-conditions')) continue;
    const key = `${r.method} ${routeOf(r.path)} (by ${r.caller})`;
    others.set(key, (others.get(key) ?? 0) + 1);
  }
  return {
    items: ids.length,
    products: measuredProducts.bulk.length,
    approved: body.results.filter(r => r.ok).length,
    failures: body.results
      .filter(r => !r.ok)
      .map(r => `${r.status} ${r.error}`),
    ms,
    effectsMs: Math.max(ms, effectsDone - start),
    catalogReads: byPlugin.filter(isCatalogRead).length,
    permissionCalls: served.filter(r =>
      r.path.startsWith('/api/permission/authorize'),
    ).length,
    applyConditionsCalls: served.filter(r =>
      r.path.endsWith('/permissions/apply-conditions'),
    ).length,
    otherCalls: [...others].map(([call, n]) => `${call} ×${n}`),
    sqlStatements: statements,
  };
}
