import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';
import {
  PolicyFailure,
  PolicyFailureStore,
} from '../database/PolicyFailureStore';
import { policyFailingNotice } from '../notices/policyFailingNotice';
import { EnforcedFailure, PolicyEvaluator } from './PolicyEvaluator';

/** Data products read and checked per catalog page and database round. */
const PAGE_SIZE = 100;

/**
 * Runs the enforced policies over every data product, a catalog page at a
 * time: keeps since when each product fails each policy (a pass clears
 * it), and, unless `notifications` is left out, tells the owners of each
 * new failure once. Cost grows with the number of products: one catalog
 * page and a few statements per page.
 */
export async function sweepPolicyFailures(options: {
  policies: PolicyEvaluator;
  store: PolicyFailureStore;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  notifications?: NotificationService;
  logger: LoggerService;
  now: () => number;
  pageSize?: number;
}): Promise<{ products: number; failing: number; told: number }> {
  const { store, catalog, credentials, logger } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const checkEnforced = await options.policies.enforcedChecker();
  const sweepStart = options.now();
  const totals = { products: 0, failing: 0, told: 0 };
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: pageSize }
        : { filter: { kind: DATA_PRODUCT_KIND }, limit: pageSize },
      { credentials },
    );
    const failures = new Map<string, EnforcedFailure>();
    const entities = new Map<string, Entity>();
    for (const entity of page.items) {
      const ref = stringifyEntityRef(entity);
      entities.set(ref, entity);
      for (const failure of checkEnforced(entity)) {
        failures.set(`${failure.policy.id}\n${ref}`, failure);
      }
    }
    await store.recordPage(
      [...entities.keys()],
      [...failures.values()].map(f => ({
        policyId: f.policy.id,
        entityRef: f.result.entityRef,
      })),
      sweepStart,
    );
    totals.products += entities.size;
    totals.failing += failures.size;
    if (options.notifications) {
      for (const row of await store.unnotified([...entities.keys()])) {
        const failure = failures.get(`${row.policyId}\n${row.entityRef}`);
        const entity = entities.get(row.entityRef);
        if (!failure || !entity) continue;
        if (
          await tellOwners(row, failure, entity, {
            ...options,
            notifications: options.notifications,
          })
        ) {
          totals.told += 1;
        }
      }
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  // Only a complete sweep knows which products and policies are gone.
  await store.removeUnseenSince(sweepStart);
  logger.debug(
    `Policy sweep: ${totals.products} data products, ${totals.failing} failures, ${totals.told} told`,
  );
  return totals;
}

async function tellOwners(
  row: PolicyFailure,
  failure: EnforcedFailure,
  entity: Entity,
  options: {
    store: PolicyFailureStore;
    notifications: NotificationService;
    logger: LoggerService;
    now: () => number;
  },
): Promise<boolean> {
  const owners = ownersOf(entity);
  if (owners.length === 0) return false;
  const claimedAt = options.now();
  if (!(await options.store.claimNotice(row, claimedAt))) return false;
  try {
    await options.notifications.send(
      policyFailingNotice(entity, owners, failure),
    );
    return true;
  } catch (error) {
    await options.store.releaseNotice(row, claimedAt);
    options.logger.warn(
      `Could not tell the owners of ${row.entityRef} that it fails ${row.policyId}`,
      error as Error,
    );
    return false;
  }
}

/** The owners the catalog related, or else spec.owner. */
function ownersOf(entity: Entity): string[] {
  const related = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  if (related.length > 0) return [...new Set(related)];
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') return [];
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    ];
  } catch {
    return [];
  }
}
