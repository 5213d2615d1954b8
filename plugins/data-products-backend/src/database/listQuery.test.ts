import { ConflictError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  AccessRequest,
  AccessRequestStatus,
} from '@datamesh-governance/plugin-data-products-common';
import type { AccessRequestFilter } from '@datamesh-governance/plugin-data-products-node';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest } from '../__testUtils__/fixtures';
import { AccessRequestStore, Viewer } from './AccessRequestStore';
import { compareIds, ListFilter } from './listQuery';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** A small seeded PRNG (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const users = ['ann', 'ben', 'cat', 'dan', 'eli'].map(u => `user:default/${u}`);
const groups = ['g1', 'g2', 'g3'].map(g => `group:default/${g}`);
const memberOf: Record<string, string[]> = {
  [users[0]]: [groups[0]],
  [users[1]]: [groups[0], groups[1]],
  [users[2]]: [groups[2]],
  [users[3]]: [],
  [users[4]]: [groups[1], groups[2]],
};
const viewerOf = (user: string): Viewer => ({
  userRef: user,
  claims: [user, ...memberOf[user]],
});
const products = ['p1', 'p2', 'p3'].map(p => `dataproduct:default/${p}`);
const DAY = 86_400_000;

/** What the lists must show, computed from every row the plain way. */
function expected(
  all: Array<AccessRequest & { deciders: string[] }>,
  filter: ListFilter,
  viewer: Viewer,
  now: number,
  policy?: (r: AccessRequest & { deciders: string[] }) => boolean,
): string[] {
  const claims = new Set(viewer.claims);
  const decides = (r: { deciders: string[] }) =>
    r.deciders.some(d => claims.has(d));
  const status = (r: AccessRequest): AccessRequestStatus =>
    (r.status === 'pending' || r.status === 'approved') &&
    Date.parse(r.endsAt) <= now
      ? 'expired'
      : r.status;
  const key = (r: AccessRequest) =>
    Date.parse(filter.sort === 'endsAt' ? r.endsAt : r.createdAt);
  const direction = filter.order === 'asc' ? 1 : -1;
  return all
    .filter(
      r =>
        r.requesterRef === viewer.userRef ||
        claims.has(r.subjectRef) ||
        decides(r),
    )
    .filter(r => !policy || policy(r))
    .filter(
      r => filter.role !== 'requester' || r.requesterRef === viewer.userRef,
    )
    .filter(
      r =>
        filter.role !== 'approver' ||
        (decides(r) &&
          r.requesterRef !== viewer.userRef &&
          !claims.has(r.subjectRef)),
    )
    .filter(r => !filter.status || status(r) === filter.status)
    .filter(r => !filter.entityRef || r.entityRef === filter.entityRef)
    .filter(
      r =>
        !filter.createdBefore ||
        Date.parse(r.createdAt) < Date.parse(filter.createdBefore),
    )
    .sort((a, b) => direction * (key(a) - key(b) || compareIds(a.id, b.id)))
    .map(r => r.id);
}

describe.each(databaseIds)('list queries on %s', databaseId => {
  let knex: Knex;
  let store: AccessRequestStore;
  let now = Date.now();
  const all: Array<AccessRequest & { deciders: string[] }> = [];
  let swept = 0;
  const next = random(20261130);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new AccessRequestStore(knex, () => now);
    const start = now - 400 * DAY;
    for (let i = 0; i < 160; i += 1) {
      now = start + i * DAY + Math.floor(next() * 1000);
      const requesterRef = pick(users);
      const deciders = [pick(groups), ...(next() < 0.3 ? [pick(users)] : [])];
      const subjectRef =
        next() < 0.3 && memberOf[requesterRef].length > 0
          ? pick(memberOf[requesterRef])
          : requesterRef;
      // Some end before the last request is made: read-time expiry.
      const endsAt = new Date(now + (next() < 0.5 ? 5 : 900) * DAY);
      try {
        const { request } = await store.create(
          newRequest({
            requesterRef,
            subjectRef,
            entityRef: pick(products),
            outputPort: pick(['a', 'b']),
            endsAt: endsAt.toISOString(),
            deciders,
          }),
        );
        const action = pick([
          undefined,
          'approve',
          'reject',
          'cancel',
          'approve',
        ] as const);
        let current = request;
        if (action) {
          current = await store.transition({
            id: request.id,
            action,
            actorRef: 'user:default/someone',
          });
          if (action === 'approve' && next() < 0.3) {
            current = await store.transition({
              id: request.id,
              action: 'revoke',
              actorRef: 'user:default/someone',
            });
          }
        }
        all.push({ ...current, deciders });
      } catch (error) {
        // The one-open-request rule: a duplicate is simply not made.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    now += DAY;
    // The sweeper has run for some of them, not for all.
    swept = await store.expireDue(2);
    for (const entry of all) {
      const stored = await store.get(entry.id);
      entry.status = stored!.status;
    }
  });

  const filters: ListFilter[] = [];
  const gen = random(7);
  const choose = <T>(items: T[]) => items[Math.floor(gen() * items.length)];
  for (let i = 0; i < 60; i += 1) {
    filters.push({
      role: choose([undefined, 'requester', 'approver'] as const),
      status: choose([
        undefined,
        'pending',
        'approved',
        'expired',
        'revoked',
        'rejected',
      ] as const),
      entityRef: choose([undefined, undefined, ...products]),
      createdBefore: choose([
        undefined,
        undefined,
        new Date(Date.now() - 200 * DAY).toISOString(),
      ]),
      sort: choose(['createdAt', 'endsAt'] as const),
      order: choose(['asc', 'desc'] as const),
      limit: choose([1, 3, 7, 100]),
    });
  }

  /** Every page of a list, following the cursors. */
  async function walk(
    filter: ListFilter,
    viewer: Viewer,
    criteria?: PermissionCriteria<AccessRequestFilter>,
  ) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 200; page += 1) {
      const result = await store.list({ ...filter, cursor }, viewer, criteria);
      expect(result.items.length).toBeLessThanOrEqual(filter.limit);
      ids.push(...result.items.map(r => r.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return ids;
  }

  it('seeds a mix that exercises the sweeper and read-time expiry', async () => {
    expect(all.length).toBeGreaterThan(50);
    expect(swept).toBe(2);
    const unswept = await knex('access_requests')
      .whereIn('status', ['pending', 'approved'])
      .where('ends_at', '<=', now);
    expect(unswept.length).toBeGreaterThan(0);
  });

  it('pages through exactly what the plain rules say, for every viewer and filter', async () => {
    let compared = 0;
    for (const filter of filters) {
      for (const user of users) {
        const viewer = viewerOf(user);
        expect(await walk(filter, viewer)).toEqual(
          expected(all, filter, viewer, now),
        );
        compared += 1;
      }
    }
    expect(compared).toBe(filters.length * users.length);
    // The seed makes lists that are not trivially empty.
    const queue = expected(
      all,
      { role: 'approver', status: 'pending', limit: 100 },
      viewerOf(users[1]),
      now,
    );
    expect(queue.length).toBeGreaterThan(3);
  });

  it('applies a permission policy: the example one changes nothing, a narrow one narrows', async () => {
    const viewer = viewerOf(users[1]);
    const example: PermissionCriteria<AccessRequestFilter> = {
      relation: 'involved',
      refs: viewer.claims,
    };
    const exampleAsTwo: PermissionCriteria<AccessRequestFilter> = {
      anyOf: [
        { relation: 'requester', refs: viewer.claims },
        { relation: 'decider', refs: viewer.claims },
      ],
    };
    const involvingG2: PermissionCriteria<AccessRequestFilter> = {
      relation: 'involved',
      refs: [groups[1]],
    };
    const onlyG2: PermissionCriteria<AccessRequestFilter> = {
      relation: 'decider',
      refs: [groups[1]],
    };
    const notMine: PermissionCriteria<AccessRequestFilter> = {
      not: { relation: 'requester', refs: [viewer.userRef] },
    };
    type Row = (typeof all)[number];
    const concerns = (ref: string) => (r: Row) =>
      r.deciders.includes(ref) ||
      r.requesterRef === ref ||
      r.subjectRef === ref;
    // Each policy's conditions, and the plain-rules oracle of what they let through.
    const policies: [
      PermissionCriteria<AccessRequestFilter>,
      (r: Row) => boolean,
    ][] = [
      [example, () => true],
      [exampleAsTwo, () => true],
      [involvingG2, concerns(groups[1])],
      [onlyG2, r => r.deciders.includes(groups[1])],
      [
        notMine,
        r =>
          r.requesterRef !== viewer.userRef && r.subjectRef !== viewer.userRef,
      ],
    ];
    for (const filter of filters.slice(0, 20)) {
      for (const [criteria, lets] of policies) {
        expect(await walk(filter, viewer, criteria)).toEqual(
          expected(all, filter, viewer, now, lets),
        );
      }
    }
  });

  it('counts up to the cap', async () => {
    const viewer = viewerOf(users[4]);
    const filter = { role: 'approver' as const, status: 'pending' as const };
    const total = expected(all, { ...filter, limit: 100 }, viewer, now).length;
    expect(await store.count(filter, viewer, 100)).toEqual({
      count: total,
      more: false,
    });
    expect(await store.count(filter, viewer, 2)).toEqual({
      count: Math.min(2, total),
      more: total > 2,
    });
  });

  it('follows a change of owners: the new one sees open requests, the former one no longer does', async () => {
    const closed = (r: AccessRequest) =>
      r.status === 'rejected' || r.status === 'cancelled';
    const samePort = (a: AccessRequest, b: AccessRequest) =>
      a.entityRef === b.entityRef && a.outputPort === b.outputPort;
    // An open request on a port that also has a decided one.
    const open = all.find(
      r =>
        r.status === 'pending' &&
        Date.parse(r.endsAt) > now &&
        r.deciders.length === 1 &&
        all.some(d => closed(d) && samePort(d, r)),
    )!;
    const decided = all.find(d => closed(d) && samePort(d, open))!;
    const former = open.deciders[0];
    const successor = 'group:default/successors';
    const formerViewer = { userRef: 'user:default/former', claims: [former] };
    const successorViewer = {
      userRef: 'user:default/successor',
      claims: [successor],
    };
    const queue = async (viewer: Viewer) =>
      (
        await store.list(
          { role: 'approver', status: 'pending', limit: 100 },
          viewer,
        )
      ).items.map(r => r.id);
    expect(await queue(formerViewer)).toContain(open.id);
    expect(await queue(successorViewer)).not.toContain(open.id);

    await store.syncDeciders(open.entityRef, open.outputPort, [successor]);
    // Twice is the same as once.
    await store.syncDeciders(open.entityRef, open.outputPort, [successor]);

    expect(await queue(successorViewer)).toContain(open.id);
    expect(await queue(formerViewer)).not.toContain(open.id);
    expect(await store.getDeciders(open.id)).toEqual([successor]);
    // Decided requests keep the deciders they were decided by.
    expect((await store.getDeciders(decided.id)).sort()).toEqual(
      [...new Set(decided.deciders)].sort(),
    );
  });
});
