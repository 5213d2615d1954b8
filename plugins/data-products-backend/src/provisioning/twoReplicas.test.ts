import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, OLAV } from '../__testUtils__/fixtures';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { PROVISIONING } from './outbox';
import { ProvisioningJobs } from './ProvisioningJobs';
import { ProvisioningWorker, RunSummary } from './ProvisioningWorker';
import { portSource, RecordingProvisioner } from './testProvisioners';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const postgres = databaseIds.filter(id => id.startsWith('POSTGRES'));
const describePostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);

const PRODUCT = 'dataproduct:default/benefit-decisions';
const catalog = portSource({
  [`${PRODUCT}#decisions_v1`]: {
    server: { type: 'postgres', schema: 'decisions_v1' },
  },
});

// Two backend replicas: two connection pools on one PostgreSQL database,
// one database server (the provisioner) that both apply grants to.
describePostgres('two provisioning workers on %s', databaseId => {
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

  it('apply each of 50 grants and 50 revokes exactly once when they work at once', async () => {
    const provisioner = new RecordingProvisioner();
    // Each call takes a moment, so that the workers' claims interleave.
    const slow = (call: typeof provisioner.grant) => async (grant: any) => {
      await new Promise(resolve => setTimeout(resolve, 2));
      await call.call(provisioner, grant);
    };
    provisioner.grant = slow(provisioner.grant);
    provisioner.revoke = slow(provisioner.revoke);
    const workerOn = (db: Knex, workerId: string) =>
      new ProvisioningWorker({
        store: new AccessRequestStore(db),
        jobs: new ProvisioningJobs(db),
        catalog,
        provisioners: [provisioner],
        logger: mockServices.logger.mock(),
        workerId,
      });
    const workerA = workerOn(replicaA, 'replica-a');
    const workerB = workerOn(replicaB, 'replica-b');
    const storeA = new AccessRequestStore(replicaA);
    const storeB = new AccessRequestStore(replicaB);

    const approve = async (store: AccessRequestStore, name: string) => {
      const who = `user:default/${name}`;
      const { request } = await store.create(
        newRequest({ requesterRef: who, subjectRef: who }),
      );
      await store.transition({
        id: request.id,
        action: 'approve',
        actorRef: OLAV,
      });
      return request.id;
    };

    // 50 grants that are in place before the race.
    const toRevoke: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      toRevoke.push(await approve(storeA, `held-${i}`));
    }
    expect((await workerA.runOnce()).applied).toBe(50);

    // 50 new approvals and 50 revocations, on both replicas.
    const toGrant: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      toGrant.push(await approve(i % 2 ? storeA : storeB, `new-${i}`));
      await (i % 2 ? storeB : storeA).transition({
        id: toRevoke[i],
        action: 'revoke',
        actorRef: OLAV,
      });
    }

    const done: Record<string, number> = { 'replica-a': 0, 'replica-b': 0 };
    const count = (id: string) => (summary: RunSummary) => {
      done[id] += summary.applied;
      return summary.applied;
    };
    for (let round = 0; round < 10; round += 1) {
      const applied = await Promise.all([
        workerA.runOnce().then(count('replica-a')),
        workerB.runOnce().then(count('replica-b')),
      ]);
      if (applied[0] + applied[1] === 0) break;
    }
    expect(done['replica-a'] + done['replica-b']).toBe(100);
    // Both replicas took part.
    expect(done['replica-a']).toBeGreaterThan(0);
    expect(done['replica-b']).toBeGreaterThan(0);

    // Once each, where the data lives …
    for (const id of toGrant) {
      expect([
        provisioner.count('grant', id),
        provisioner.count('revoke', id),
      ]).toEqual([1, 0]);
    }
    for (const id of toRevoke) {
      expect([
        provisioner.count('grant', id),
        provisioner.count('revoke', id),
      ]).toEqual([1, 1]);
    }
    expect(provisioner.calls).toHaveLength(150);

    // … in the job table …
    const jobs: Array<{ operation: string; status: string; n: unknown }> =
      await replicaA(PROVISIONING)
        .select('operation', 'status', replicaA.raw('count(*) as n'))
        .groupBy('operation', 'status')
        .orderBy(['operation', 'status']);
    expect(jobs.map(j => [j.operation, j.status, Number(j.n)])).toEqual([
      ['grant', 'applied', 100],
      ['revoke', 'applied', 50],
    ]);
    expect(
      Number(
        (
          await replicaA(PROVISIONING).whereNot('attempts', 1).count({ n: '*' })
        )[0].n,
      ),
    ).toBe(0);

    // … and in the audit trail.
    const audit = await replicaA('access_request_audit')
      .whereIn('action', ['provision', 'unprovision', 'provision-fail'])
      .select('request_id', 'action');
    const auditCount = (id: string, action: string) =>
      audit.filter(a => a.request_id === id && a.action === action).length;
    for (const id of toGrant) expect(auditCount(id, 'provision')).toBe(1);
    for (const id of toRevoke) {
      expect([
        auditCount(id, 'provision'),
        auditCount(id, 'unprovision'),
      ]).toEqual([1, 1]);
    }
    expect(audit).toHaveLength(150);
  });
});
