import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { AdrStatusStore } from './AdrStatusStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const postgres = databaseIds.filter(id => id.startsWith('POSTGRES'));
const describePostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);

// Two backend replicas: two connection pools on one PostgreSQL database,
// each refreshing the same ADR sources on its own schedule.
describePostgres('two replicas recording ADR statuses on %s', databaseId => {
  let replicaA: Knex;
  let replicaB: Knex;

  beforeAll(async () => {
    replicaA = await databases.init(databaseId);
    await replicaA.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    replicaB = knexFactory({
      // The same engine and database: a second pool, as a second replica has.
      client: replicaA.client.config.client,
      connection: replicaA.client.config.connection,
      pool: { min: 1, max: 5 },
    });
  });

  afterAll(async () => {
    await replicaB?.destroy();
  });

  it('record each first sighting and each decision once when they see them at the same moment, 50 times', async () => {
    const storeA = new AdrStatusStore(replicaA);
    const storeB = new AdrStatusStore(replicaB);
    for (let round = 0; round < 50; round += 1) {
      const adrId = `decisions--race-${round}`;
      const both = (status: 'proposed' | 'accepted', seenAt: number) =>
        Promise.all([
          storeA.record([{ adrId, status }], seenAt),
          storeB.record([{ adrId, status }], seenAt + (round % 3)),
        ]);
      const firstSightings = await both('proposed', 1_000);
      expect(firstSightings.flat()).toHaveLength(1);
      const decisions = await both('accepted', 2_000);
      // Exactly one replica recorded it, and so returns it to react to.
      expect(decisions.flat()).toHaveLength(1);
      expect(decisions.flat()[0]).toMatchObject({
        fromStatus: 'proposed',
        toStatus: 'accepted',
        snapshot: { opinions: [] },
      });
      const history = await storeB.history(adrId);
      expect(history.map(c => c.toStatus)).toEqual(['proposed', 'accepted']);
    }
  });
});
