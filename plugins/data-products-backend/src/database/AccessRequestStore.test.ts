import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, newRequest, OLAV } from '../__testUtils__/fixtures';
import { failureOf } from '../__testUtils__/failureOf';
import {
  AccessRequestStore,
  IdempotencyKeyReusedError,
  SYSTEM_ACTOR,
} from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const query = {
  sort: 'createdAt' as const,
  order: 'desc' as const,
  limit: 25,
};

describe.each(databaseIds)('AccessRequestStore on %s', databaseId => {
  let knex: Knex;
  let store: AccessRequestStore;
  let n = 0;
  // A requester of its own per test keeps the one-open-request rule out of the way.
  const requester = () => `user:default/requester-${(n += 1)}`;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new AccessRequestStore(knex);
  });

  it('creates a pending request with one audit row', async () => {
    const { request } = await store.create(newRequest());
    expect(request).toMatchObject({ status: 'pending', requesterRef: ADA });
    expect(await store.getAudit(request.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        actorRef: ADA,
        toStatus: 'pending',
      }),
    ]);
  });

  it('allows one open request per requester, subject, product and port', async () => {
    const who = requester();
    await store.create(newRequest({ requesterRef: who, subjectRef: who }));
    await expect(
      store.create(newRequest({ requesterRef: who, subjectRef: who })),
    ).rejects.toThrow(ConflictError);
    // Another port is another request.
    await store.create(
      newRequest({
        requesterRef: who,
        subjectRef: who,
        outputPort: 'counts_v1',
      }),
    );
  });

  it('writes exactly one audit row per transition, with the statuses', async () => {
    const who = requester();
    const { request } = await store.create(
      newRequest({ requesterRef: who, subjectRef: who }),
    );
    await store.transition({
      id: request.id,
      action: 'approve',
      actorRef: OLAV,
    });
    await store.transition({
      id: request.id,
      action: 'revoke',
      actorRef: OLAV,
    });
    const audit = await store.getAudit(request.id);
    expect(
      audit.map(a => [a.action, a.fromStatus, a.toStatus, a.actorRef]),
    ).toEqual([
      ['create', undefined, 'pending', who],
      ['approve', 'pending', 'approved', OLAV],
      ['revoke', 'approved', 'revoked', OLAV],
    ]);
  });

  it('refuses transitions from terminal states, naming the current status', async () => {
    const who = requester();
    const { request } = await store.create(
      newRequest({ requesterRef: who, subjectRef: who }),
    );
    await store.transition({
      id: request.id,
      action: 'reject',
      actorRef: OLAV,
    });
    await expect(
      store.transition({ id: request.id, action: 'approve', actorRef: OLAV }),
    ).rejects.toThrow('The request is rejected; it cannot be approved');
    expect(await store.getAudit(request.id)).toHaveLength(2);
  });

  it('auto-approves in the same transaction, audited as the plugin', async () => {
    const who = requester();
    const { request } = await store.create(
      newRequest({ requesterRef: who, subjectRef: who, approvalMode: 'auto' }),
      { autoApproveBy: SYSTEM_ACTOR },
    );
    expect(request.status).toBe('approved');
    expect((await store.getAudit(request.id)).map(a => a.action)).toEqual([
      'create',
      'approve',
    ]);
  });

  it('replays an idempotent create and refuses the key with another body', async () => {
    const who = requester();
    const idempotency = { key: 'key-1', bodyHash: 'hash-a' };
    const first = await store.create(
      newRequest({ requesterRef: who, subjectRef: who }),
      { idempotency },
    );
    const again = await store.create(
      newRequest({ requesterRef: who, subjectRef: who }),
      { idempotency },
    );
    expect(again).toEqual({ request: first.request, replayed: true });
    await expect(
      store.create(newRequest({ requesterRef: who, subjectRef: who }), {
        idempotency: { key: 'key-1', bodyHash: 'hash-b' },
      }),
    ).rejects.toThrow(IdempotencyKeyReusedError);
  });

  it('treats a request past its end as expired, before and after the sweeper', async () => {
    let now = Date.now();
    const clockStore = new AccessRequestStore(knex, () => now);
    const who = requester();
    const { request } = await clockStore.create(
      newRequest({
        requesterRef: who,
        subjectRef: who,
        endsAt: new Date(now + 60_000).toISOString(),
      }),
    );
    now += 120_000;
    await expect(
      clockStore.transition({
        id: request.id,
        action: 'approve',
        actorRef: OLAV,
      }),
    ).rejects.toThrow('The request has expired');
    expect((await clockStore.get(request.id))?.status).toBe('expired');
    expect(await clockStore.expireDue(100)).toBe(0);
    // A new request for the same port is allowed once the old one expired.
    await clockStore.create(
      newRequest({
        requesterRef: who,
        subjectRef: who,
        endsAt: new Date(now + 60_000).toISOString(),
      }),
    );
  });

  it('sweeps expired requests in bounded batches', async () => {
    let now = Date.now();
    const clockStore = new AccessRequestStore(knex, () => now);
    for (let i = 0; i < 3; i += 1) {
      const who = requester();
      await clockStore.create(
        newRequest({
          requesterRef: who,
          subjectRef: who,
          endsAt: new Date(now + 1_000).toISOString(),
        }),
      );
    }
    now += 10_000;
    const told: string[] = [];
    expect(
      await clockStore.expireDue(2, async request => {
        told.push(request.status);
      }),
    ).toBe(2);
    // Whoever swept is told of each request it expired, as it now stands.
    expect(told).toEqual(['expired', 'expired']);
    expect(await clockStore.expireDue(100)).toBeGreaterThanOrEqual(1);
    expect(await clockStore.expireDue(100)).toBe(0);
  });

  it('leaves nothing changed when the audit insert fails inside a transition', async () => {
    const who = requester();
    const { request } = await store.create(
      newRequest({ requesterRef: who, subjectRef: who }),
    );
    await injectAuditFailure(knex, databaseId);
    try {
      expect(
        await failureOf(
          store.transition({
            id: request.id,
            action: 'approve',
            actorRef: OLAV,
          }),
        ),
      ).toMatch(/injected failure/);
    } finally {
      await removeAuditFailure(knex, databaseId);
    }
    expect((await store.get(request.id))?.status).toBe('pending');
    expect(await store.getAudit(request.id)).toHaveLength(1);
  });

  it('pages with a keyset cursor, newest first', async () => {
    const who = requester();
    const viewer = { userRef: who, claims: [who] };
    let now = Date.now();
    const clockStore = new AccessRequestStore(knex, () => now);
    for (const port of ['a', 'b', 'c', 'd', 'e']) {
      now += 1;
      await clockStore.create(
        newRequest({ requesterRef: who, subjectRef: who, outputPort: port }),
      );
    }
    const first = await clockStore.list({ ...query, limit: 2 }, viewer);
    const second = await clockStore.list(
      { ...query, limit: 2, cursor: first.nextCursor },
      viewer,
    );
    const third = await clockStore.list(
      { ...query, limit: 2, cursor: second.nextCursor },
      viewer,
    );
    expect(
      [...first.items, ...second.items, ...third.items].map(r => r.outputPort),
    ).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(third.nextCursor).toBeUndefined();
  });

  it('lists only requests created before createdBefore', async () => {
    const who = requester();
    const viewer = { userRef: who, claims: [who] };
    const day = 24 * 60 * 60 * 1000;
    let now = Date.now() - 10 * day;
    const clockStore = new AccessRequestStore(knex, () => now);
    for (const [port, age] of [
      ['ten-days', 10],
      ['three-days', 3],
      ['today', 0],
    ] as const) {
      now = Date.now() - age * day;
      await clockStore.create(
        newRequest({ requesterRef: who, subjectRef: who, outputPort: port }),
      );
    }
    const olderThan = async (days: number) =>
      (
        await clockStore.list(
          {
            ...query,
            createdBefore: new Date(Date.now() - days * day).toISOString(),
          },
          viewer,
        )
      ).items.map(r => r.outputPort);
    expect(await olderThan(1)).toEqual(['three-days', 'ten-days']);
    expect(await olderThan(7)).toEqual(['ten-days']);
  });

  it('lists only what the viewer asked for, is subject of, or decides on', async () => {
    const who = requester();
    const { request } = await store.create(
      newRequest({
        requesterRef: who,
        subjectRef: who,
        deciders: ['group:default/deciders'],
      }),
    );
    const ids = async (
      viewer: { userRef: string; claims: string[] },
      role?: 'requester' | 'approver',
    ) =>
      (await store.list({ ...query, role, limit: 100 }, viewer)).items.map(
        r => r.id,
      );

    expect(await ids({ userRef: who, claims: [who] })).toContain(request.id);
    expect(
      await ids(
        { userRef: OLAV, claims: [OLAV, 'group:default/deciders'] },
        'approver',
      ),
    ).toContain(request.id);
    expect(
      await ids({
        userRef: 'user:default/stranger',
        claims: ['user:default/stranger'],
      }),
    ).not.toContain(request.id);
  });
});

/** Makes every insert into the audit table fail, as a crash between update and audit would. */
async function injectAuditFailure(knex: Knex, databaseId: string) {
  if (databaseId.startsWith('POSTGRES')) {
    await knex.raw(`CREATE OR REPLACE FUNCTION fail_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER fail_audit BEFORE INSERT ON access_request_audit
      FOR EACH ROW EXECUTE FUNCTION fail_audit()`);
  } else {
    await knex.raw(`CREATE TRIGGER fail_audit BEFORE INSERT ON access_request_audit
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  }
}

async function removeAuditFailure(knex: Knex, databaseId: string) {
  if (databaseId.startsWith('POSTGRES')) {
    await knex.raw('DROP TRIGGER fail_audit ON access_request_audit');
    await knex.raw('DROP FUNCTION fail_audit()');
  } else {
    await knex.raw('DROP TRIGGER fail_audit');
  }
}
