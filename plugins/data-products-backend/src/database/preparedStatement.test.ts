import knexFactory, { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, TEAM_BENEFITS } from '../__testUtils__/fixtures';
import { AccessRequestStore, Viewer } from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { keptStatement } from './preparedStatement';

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

describe('statements kept on a better-sqlite3 connection', () => {
  let knex: Knex;
  /** The texts the connection was asked to prepare, in order. */
  let prepared: string[];

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    await seeded(knex);
    // SQLite's pool has one connection: count what it prepares.
    const connection = await knex.client.acquireConnection();
    const prepare = connection.prepare.bind(connection);
    prepared = [];
    connection.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
    await knex.client.releaseConnection(connection);
  });

  const pageTexts = () => prepared.filter(sql => /latest_job/.test(sql));

  it('prepares a list page once and answers from the kept statement', async () => {
    const store = new AccessRequestStore(knex);
    const first = await store.list({ ...queue, limit: 2 }, owner);
    const again = await store.list({ ...queue, limit: 2 }, owner);
    const next = await store.list(
      { ...queue, limit: 2, cursor: first.nextCursor },
      owner,
    );

    expect(again).toEqual(first);
    expect(next.items.map(r => r.id)).not.toContain(first.items[0].id);
    // The first page and the one after a cursor: two texts, each once.
    expect(pageTexts()).toHaveLength(2);
  });

  it('sees rows written after the statement was kept', async () => {
    const store = new AccessRequestStore(knex);
    const before = await store.count(queue, owner, 100);
    await store.create(newRequest({ requesterRef: 'user:default/late' }));

    expect(await store.count(queue, owner, 100)).toEqual({
      count: before.count + 1,
      more: false,
    });
  });

  it('prepares every time when switched off', async () => {
    const store = new AccessRequestStore(knex, Date.now, {
      preparedStatements: false,
    });
    await store.list({ ...queue, limit: 2 }, owner);
    await store.list({ ...queue, limit: 2 }, owner);

    expect(pageTexts()).toHaveLength(2);
  });
});

describe('keptStatement', () => {
  it('keeps the 100 statements used last and prepares a dropped one again', () => {
    const prepared: string[] = [];
    const connection = {
      prepare: (sql: string) => {
        prepared.push(sql);
        return { all: () => [] };
      },
    };
    const texts = Array.from({ length: 101 }, (_, i) => `SELECT ${i}`);
    for (const sql of texts.slice(0, 100)) keptStatement(connection, sql);
    // Used again: now the most recent, so "SELECT 1" is the oldest.
    keptStatement(connection, texts[0]);
    expect(prepared).toHaveLength(100);

    keptStatement(connection, texts[100]);
    keptStatement(connection, texts[0]);
    keptStatement(connection, texts[1]);

    expect(prepared.slice(100)).toEqual(['SELECT 100', 'SELECT 1']);
  });
});
