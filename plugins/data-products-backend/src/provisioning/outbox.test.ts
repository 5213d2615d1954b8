import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { days, newRequest, OLAV } from '../__testUtils__/fixtures';
import { failureOf } from '../__testUtils__/failureOf';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { PROVISIONING } from './outbox';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databaseIds)('provisioning outbox on %s', databaseId => {
  let knex: Knex;
  let store: AccessRequestStore;
  let n = 0;
  const fresh = () => {
    n += 1;
    const who = `user:default/outbox-${n}`;
    return newRequest({ requesterRef: who, subjectRef: who });
  };
  const jobsOf = (id: string) =>
    knex(PROVISIONING)
      .where({ request_id: id })
      .orderBy('id')
      .select('operation', 'status');

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new AccessRequestStore(knex);
  });

  it('enqueues a grant with an approval and a revoke with a revocation', async () => {
    const { request } = await store.create(fresh());
    expect(await jobsOf(request.id)).toEqual([]);
    const approved = await store.transition({
      id: request.id,
      action: 'approve',
      actorRef: OLAV,
    });
    expect(approved.provisioning).toMatchObject({
      state: 'pending',
      operation: 'grant',
      attempts: 0,
    });
    expect(await jobsOf(request.id)).toEqual([
      { operation: 'grant', status: 'pending' },
    ]);
    const revoked = await store.transition({
      id: request.id,
      action: 'revoke',
      actorRef: OLAV,
    });
    expect(revoked.provisioning).toMatchObject({ state: 'revoking' });
    // The grant nobody started is never applied; the revoke still runs.
    expect(await jobsOf(request.id)).toEqual([
      { operation: 'grant', status: 'superseded' },
      { operation: 'revoke', status: 'pending' },
    ]);
  });

  it('enqueues a grant for an automatic approval at creation', async () => {
    const { request } = await store.create(fresh(), {
      autoApproveBy: 'plugin:data-products',
    });
    expect(request.provisioning).toMatchObject({ state: 'pending' });
    expect(await jobsOf(request.id)).toEqual([
      { operation: 'grant', status: 'pending' },
    ]);
  });

  it('enqueues nothing for rejection, cancellation or the expiry of a pending request', async () => {
    const rejected = (await store.create(fresh())).request;
    await store.transition({
      id: rejected.id,
      action: 'reject',
      actorRef: OLAV,
    });
    const cancelled = (await store.create(fresh())).request;
    await store.transition({
      id: cancelled.id,
      action: 'cancel',
      actorRef: cancelled.requesterRef,
    });
    let now = Date.now();
    const clocked = new AccessRequestStore(knex, () => now);
    const lapsed = (
      await clocked.create({ ...fresh(), endsAt: days(1).toISOString() })
    ).request;
    now += 2 * 86_400_000;
    await clocked.expireDue(1000);
    expect((await clocked.get(lapsed.id))?.status).toBe('expired');
    for (const { id } of [rejected, cancelled, lapsed]) {
      expect(await jobsOf(id)).toEqual([]);
    }
  });

  it('enqueues a revoke when the sweeper expires a grant', async () => {
    let now = Date.now();
    const clocked = new AccessRequestStore(knex, () => now);
    const { request } = await clocked.create({
      ...fresh(),
      endsAt: days(1).toISOString(),
    });
    await clocked.transition({
      id: request.id,
      action: 'approve',
      actorRef: OLAV,
    });
    await knex(PROVISIONING)
      .where({ request_id: request.id })
      .update({ status: 'applied' });
    now += 2 * 86_400_000;
    expect(await clocked.expireDue(1000)).toBeGreaterThanOrEqual(1);
    expect(await jobsOf(request.id)).toEqual([
      { operation: 'grant', status: 'applied' },
      { operation: 'revoke', status: 'pending' },
    ]);
    expect((await clocked.get(request.id))?.provisioning?.state).toBe(
      'revoking',
    );
  });

  it.each([
    ['the job insert', PROVISIONING],
    ['the audit insert', 'access_request_audit'],
  ])(
    'writes the job in the transition’s transaction: a failure in %s undoes both',
    async (_what, table) => {
      const { request } = await store.create(fresh());
      await injectFailure(knex, databaseId, table);
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
        await removeFailure(knex, databaseId, table);
      }
      expect((await store.get(request.id))?.status).toBe('pending');
      expect(await store.getAudit(request.id)).toHaveLength(1);
      expect(await jobsOf(request.id)).toEqual([]);
    },
  );

  it('shows each request’s latest job in lists, in the one statement that reads the page, whatever its size', async () => {
    const who = `user:default/outbox-lister-${(n += 1)}`;
    const viewer = { userRef: who, claims: [who] };
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { request } = await store.create(
        newRequest({
          requesterRef: who,
          subjectRef: who,
          outputPort: `port-${i}`,
        }),
      );
      await store.transition({
        id: request.id,
        action: 'approve',
        actorRef: OLAV,
      });
      ids.push(request.id);
    }
    await knex(PROVISIONING)
      .where({ request_id: ids[0] })
      .update({ status: 'failed', attempts: 8, last_error: 'no route' });

    const queriesFor = async (limit: number) => {
      let queries = 0;
      const count = () => {
        queries += 1;
      };
      knex.on('query', count);
      try {
        const page = await store.list(
          { sort: 'createdAt', order: 'desc', limit },
          viewer,
        );
        return { page, queries };
      } finally {
        knex.removeListener('query', count);
      }
    };
    const small = await queriesFor(2);
    const large = await queriesFor(12);
    // The page, its rows and their latest jobs come in one statement.
    expect(small.queries).toBe(1);
    expect(large.queries).toBe(1);
    const byId = new Map(large.page.items.map(r => [r.id, r.provisioning]));
    expect(byId.get(ids[0])).toMatchObject({
      state: 'failed',
      attempts: 8,
      error: 'no route',
    });
    expect(byId.get(ids[5])).toMatchObject({ state: 'pending' });
  });

  it('retries only a failed job, with its attempts counted afresh', async () => {
    const { request } = await store.create(fresh());
    expect(await failureOf(store.retryProvisioning(request.id))).toMatch(
      /Nothing has been provisioned/,
    );
    await store.transition({
      id: request.id,
      action: 'approve',
      actorRef: OLAV,
    });
    expect(await failureOf(store.retryProvisioning(request.id))).toMatch(
      /Provisioning is pending; only a failed one can be retried/,
    );
    await knex(PROVISIONING)
      .where({ request_id: request.id })
      .update({ status: 'failed', attempts: 8, last_error: 'boom' });
    expect(await store.retryProvisioning(request.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    expect(await jobsOf(request.id)).toEqual([
      { operation: 'grant', status: 'pending' },
    ]);
  });
});

async function injectFailure(knex: Knex, databaseId: string, table: string) {
  if (databaseId.startsWith('POSTGRES')) {
    await knex.raw(`CREATE OR REPLACE FUNCTION fail_insert() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER fail_insert BEFORE INSERT ON ${table}
      FOR EACH ROW EXECUTE FUNCTION fail_insert()`);
  } else {
    await knex.raw(`CREATE TRIGGER fail_insert BEFORE INSERT ON ${table}
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  }
}

async function removeFailure(knex: Knex, databaseId: string, table: string) {
  if (databaseId.startsWith('POSTGRES')) {
    await knex.raw(`DROP TRIGGER fail_insert ON ${table}`);
    await knex.raw('DROP FUNCTION fail_insert()');
  } else {
    await knex.raw('DROP TRIGGER fail_insert');
  }
}
