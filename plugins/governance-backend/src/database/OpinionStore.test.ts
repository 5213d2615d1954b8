import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { failureOf } from '../__testUtils__/failureOf';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { OpinionStore } from './OpinionStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADR = 'decisions--0008-freshness';
const LEO = 'user:default/leo.legal';
const ADA = 'user:default/ada.analyst';

describe.each(databaseIds)('OpinionStore on %s', databaseId => {
  let knex: Knex;
  let store: OpinionStore;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new OpinionStore(knex);
  });

  it('keeps one current opinion per person and every revision', async () => {
    const first = await store.record(
      ADR,
      LEO,
      { stance: 'concern', perspective: 'legal', comment: 'Too broad.' },
      1_000,
    );
    expect(first).toMatchObject({
      outcome: 'created',
      opinion: { revision: 1, createdAt: new Date(1_000).toISOString() },
    });
    await store.record(
      ADR,
      ADA,
      { stance: 'support', perspective: 'consumer', comment: 'Yes please.' },
      2_000,
    );
    const changed = await store.record(
      ADR,
      LEO,
      { stance: 'support', perspective: 'legal', comment: 'Fine now.' },
      3_000,
    );
    expect(changed).toMatchObject({
      outcome: 'changed',
      opinion: {
        stance: 'support',
        revision: 2,
        createdAt: new Date(1_000).toISOString(),
        updatedAt: new Date(3_000).toISOString(),
      },
    });
    const same = await store.record(
      ADR,
      LEO,
      { stance: 'support', perspective: 'legal', comment: 'Fine now.' },
      4_000,
    );
    expect(same.outcome).toBe('unchanged');

    expect((await store.list(ADR)).map(o => [o.authorRef, o.stance])).toEqual([
      [LEO, 'support'],
      [ADA, 'support'],
    ]);
    expect(
      (await store.history(ADR)).map(r => [r.authorRef, r.revision, r.stance]),
    ).toEqual([
      [LEO, 1, 'concern'],
      [ADA, 1, 'support'],
      [LEO, 2, 'support'],
    ]);
    expect(await store.list('other')).toEqual([]);
  });

  it('refuses to update or delete history, even bypassing the store', async () => {
    await store.record(ADR, LEO, {
      stance: 'object',
      perspective: 'legal',
      comment: 'No.',
    });
    expect(
      await failureOf(
        knex('governance_opinion_revisions')
          .where({ author_ref: LEO })
          .update({ stance: 'support' }),
      ),
    ).toMatch(/append-only/);
    expect(
      await failureOf(knex('governance_opinion_revisions').delete()),
    ).toMatch(/append-only/);
    expect(await store.history(ADR)).toHaveLength(1);
  });

  it('migrates down and up again', async () => {
    await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
    expect(await knex.schema.hasTable('governance_opinions')).toBe(false);
    expect(await knex.schema.hasTable('governance_opinion_revisions')).toBe(
      false,
    );
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasTable('governance_opinion_revisions')).toBe(
      true,
    );
  });
});
