import knexFactory, { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, TEAM_BENEFITS } from '../__testUtils__/fixtures';
import { AccessRequestStore, Viewer } from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const owner: Viewer = {
  userRef: 'user:default/owner',
  claims: ['user:default/owner', TEAM_BENEFITS],
};
const queue = { role: 'approver' as const, status: 'pending' as const };

async function seeded(knex: Knex) {
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const store = new AccessRequestStore(knex);
  for (let i = 0; i < 5; i += 1) {
    const requester = `user:default/consumer-${i}`;
    await store.create(
      newRequest({ requesterRef: requester, subjectRef: requester }),
    );
  }
}

describe.each(databaseIds)('lists as prepared statements on %s', id => {
  it('keeps answering after a migration adds a column to the requests', async () => {
    const knex = await databases.init(id);
    await seeded(knex);
    const store = new AccessRequestStore(knex);
    const before = await store.list({ ...queue, limit: 3 }, owner);
    // PostgreSQL keeps a plan after a few runs; a statement whose result
    // changes shape under its kept plan fails.
    for (let i = 0; i < 10; i += 1) {
      await store.list({ ...queue, limit: 3 }, owner);
    }
    // What another replica's newer migration may do while this one runs.
    await knex.schema.alterTable('access_requests', table => {
      table.text('added_by_a_later_version').nullable();
    });

    const after = await store.list({ ...queue, limit: 3 }, owner);

    expect(before.items).toHaveLength(3);
    expect(after).toEqual(before);
  });
});

const postgres = databaseIds.includes('POSTGRES_15');
const describePostgres = postgres ? describe : describe.skip;

describePostgres('prepared statements on PostgreSQL', () => {
  let config: Knex.Config;
  let single: Knex;

  beforeAll(async () => {
    const knex = await databases.init('POSTGRES_15');
    await seeded(knex);
    config = knex.client.config;
  });

  // One connection, so that its session's prepared statements are the ones
  // read; a new one per test, since a session keeps what it prepared.
  beforeEach(() => {
    single = knexFactory({ ...config, pool: { min: 1, max: 1 } });
  });
  afterEach(async () => single.destroy());

  const preparedOfSession = () =>
    single
      .select('statement', 'generic_plans', 'custom_plans')
      .from('pg_prepared_statements')
      .where('name', 'like', 'datamesh\\_%');

  it('plans a list once and then reuses the plan', async () => {
    const store = new AccessRequestStore(single);
    for (let i = 0; i < 8; i += 1) {
      await store.list({ ...queue, limit: 2 }, owner);
    }
    await store.count(queue, owner, 100);

    const statements = await preparedOfSession();

    // The queue's page and the badge's count: two texts, one statement each.
    expect(statements).toHaveLength(2);
    const page = statements.find(s => /"latest_job"/.test(s.statement));
    expect(Number(page.generic_plans) + Number(page.custom_plans)).toBe(8);
    expect(Number(page.generic_plans)).toBeGreaterThan(0);
  });

  it('prepares nothing when switched off', async () => {
    const store = new AccessRequestStore(single, Date.now, {
      preparedStatements: false,
    });
    await store.list({ ...queue, limit: 2 }, owner);
    await store.count(queue, owner, 100);

    expect(await preparedOfSession()).toEqual([]);
  });
});
