import { ConflictError } from '@backstage/errors';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { BO, newRequest, OLAV } from '../__testUtils__/fixtures';
import { AccessRequestStore } from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const postgres = databaseIds.filter(id => id.startsWith('POSTGRES'));
const describePostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);

// Two backend replicas: two connection pools on one PostgreSQL database.
describePostgres('concurrent decisions on %s', databaseId => {
  let replicaA: Knex;
  let replicaB: Knex;

  beforeAll(async () => {
    replicaA = await databases.init(databaseId);
    await replicaA.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    replicaB = knexFactory({
      client: 'pg',
      connection: replicaA.client.config.connection,
      pool: { min: 1, max: 5 },
    });
  });

  afterAll(async () => {
    await replicaB?.destroy();
  });

  it('gives exactly one winner when two owners decide at once, 100 times in a row', async () => {
    const storeA = new AccessRequestStore(replicaA);
    const storeB = new AccessRequestStore(replicaB);
    for (let round = 0; round < 100; round += 1) {
      const who = `user:default/racer-${round}`;
      const { request } = await storeA.create(
        newRequest({ requesterRef: who, subjectRef: who }),
      );
      const outcomes = await Promise.allSettled([
        storeA.transition({
          id: request.id,
          action: 'approve',
          actorRef: OLAV,
        }),
        storeB.transition({ id: request.id, action: 'reject', actorRef: BO }),
      ]);
      const winners = outcomes.filter(o => o.status === 'fulfilled');
      const losers = outcomes.flatMap(o =>
        o.status === 'rejected' ? [o.reason] : [],
      );
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toBeInstanceOf(ConflictError);

      const audit = await storeB.getAudit(request.id);
      expect(audit.filter(a => a.action !== 'create')).toHaveLength(1);
      const stored = await storeB.get(request.id);
      expect(stored?.status).toBe(audit[1].toStatus);
    }
  });
});
