import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, OLAV } from '../__testUtils__/fixtures';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { AccessRequestChange, AccessRequestChanges } from '../service/changes';
import { PROVISIONING } from './outbox';
import { ProvisioningJobs } from './ProvisioningJobs';
import { ProvisioningWorker } from './ProvisioningWorker';
import { portSource, RecordingProvisioner } from './testProvisioners';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const PRODUCT = 'dataproduct:default/benefit-decisions';
const server = { type: 'postgres', host: 'db.example', schema: 'decisions_v1' };
const catalog = portSource({
  [`${PRODUCT}#pg`]: { server },
  [`${PRODUCT}#files`]: { server: { type: 's3', bucket: 'decisions' } },
  [`${PRODUCT}#bare`]: {},
});

describe.each(databaseIds)('provisioning worker on %s', databaseId => {
  let knex: Knex;
  let store: AccessRequestStore;
  let n = 0;
  let now: number;
  let provisioner: RecordingProvisioner;
  let told: AccessRequestChange[];
  let worker: ProvisioningWorker;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new AccessRequestStore(knex);
  });

  beforeEach(async () => {
    // Each test sees only its own jobs.
    await knex(PROVISIONING).update({ status: 'applied' });
    now = Date.now();
    provisioner = new RecordingProvisioner();
    told = [];
    const changes = new AccessRequestChanges();
    changes.listen(async change => {
      told.push(change);
    });
    worker = new ProvisioningWorker({
      store,
      jobs: new ProvisioningJobs(knex),
      catalog,
      provisioners: [provisioner],
      logger: mockServices.logger.mock(),
      changes,
      clock: () => now,
      maxAttempts: 3,
      baseDelayMs: 1000,
    });
  });

  async function approved(outputPort = 'pg') {
    n += 1;
    const who = `user:default/worker-${n}`;
    const { request } = await store.create(
      newRequest({ requesterRef: who, subjectRef: who, outputPort }),
    );
    await store.transition({
      id: request.id,
      action: 'approve',
      actorRef: OLAV,
    });
    // The worker's clock stands still from here, just after the job was written.
    now = Date.now();
    return request.id;
  }
  async function revoke(id: string) {
    await store.transition({ id, action: 'revoke', actorRef: OLAV });
    now = Date.now();
  }
  const auditOf = async (id: string) =>
    (await store.getAudit(id)).map(a => a.action);

  it('applies a grant once, through the provisioner for the server type, with the entity’s server block', async () => {
    const id = await approved();
    expect(await worker.runOnce()).toMatchObject({ applied: 1 });
    expect(await worker.runOnce()).toMatchObject({ applied: 0 });
    expect(provisioner.calls).toEqual([
      {
        operation: 'grant',
        grant: expect.objectContaining({
          id,
          subjectRef: expect.any(String),
          server,
        }),
      },
    ]);
    expect((await store.get(id))?.provisioning).toMatchObject({
      state: 'applied',
      attempts: 1,
    });
    expect(await auditOf(id)).toEqual(['create', 'approve', 'provision']);
    expect(told.map(c => [c.kind, c.request.id])).toEqual([
      ['provisioned', id],
    ]);
  });

  it('takes access back after a revocation, after the grant', async () => {
    const id = await approved();
    await worker.runOnce();
    await revoke(id);
    expect((await store.get(id))?.provisioning?.state).toBe('revoking');
    await worker.runOnce();
    expect(provisioner.calls.map(c => c.operation)).toEqual([
      'grant',
      'revoke',
    ]);
    expect((await store.get(id))?.provisioning?.state).toBe('revoked');
    expect(await auditOf(id)).toEqual([
      'create',
      'approve',
      'provision',
      'revoke',
      'unprovision',
    ]);
  });

  it('retries with a delay that doubles, then marks the job failed and tells', async () => {
    const id = await approved();
    provisioner.failWith = 'connection refused';
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    const job = () => knex(PROVISIONING).where({ request_id: id }).first();
    expect(Number((await job()).next_attempt_at)).toBe(now + 1000);
    // Not due before its time.
    now += 999;
    expect(await worker.runOnce()).toMatchObject({ retrying: 0 });
    now += 1;
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    expect(Number((await job()).next_attempt_at)).toBe(now + 2000);
    now += 2000;
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    now += 3_600_000;
    expect(await worker.runOnce()).toMatchObject({ failed: 0, retrying: 0 });

    expect((await store.get(id))?.provisioning).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'Error: connection refused',
    });
    expect(await auditOf(id)).toEqual(['create', 'approve', 'provision-fail']);
    expect(told.map(c => [c.kind, c.error])).toEqual([
      ['provisioning-failed', 'Error: connection refused'],
    ]);

    // An owner retries once the server is back.
    provisioner.failWith = undefined;
    await store.retryProvisioning(id);
    expect(await worker.runOnce()).toMatchObject({ applied: 1 });
    expect((await store.get(id))?.provisioning).toMatchObject({
      state: 'applied',
      attempts: 1,
    });
  });

  it.each([
    [
      'no provisioner handles its server type',
      'files',
      /"s3".*bucket="decisions"/s,
    ],
    ['its port declares no server', 'bare', /declares no server/],
  ])(
    'leaves a grant to be applied by hand when %s',
    async (_why, port, what) => {
      const id = await approved(port);
      expect(await worker.runOnce()).toMatchObject({ manual: 1 });
      const { provisioning } = (await store.get(id))!;
      expect(provisioning).toMatchObject({ state: 'manual' });
      expect(provisioning?.instructions).toMatch(/Give user:default\/worker-/);
      expect(provisioning?.instructions).toMatch(what);
      expect(provisioner.calls).toEqual([]);
    },
  );

  it('never applies a grant whose access ended before it was applied', async () => {
    await approved();
    now += 31 * 86_400_000;
    expect(await worker.runOnce()).toMatchObject({ superseded: 1 });
    expect(provisioner.calls).toEqual([]);
  });

  it('keeps access that another grant still gives the same subject, and takes it back with the last one', async () => {
    // Two members of a team each asked for the team: two grants, one access.
    const team = `group:default/worker-team-${(n += 1)}`;
    const grantFor = async (requesterRef: string) => {
      const { request } = await store.create(
        newRequest({ requesterRef, subjectRef: team, outputPort: 'pg' }),
      );
      await store.transition({
        id: request.id,
        action: 'approve',
        actorRef: OLAV,
      });
      return request.id;
    };
    const first = await grantFor(`user:default/worker-${n}-a`);
    const second = await grantFor(`user:default/worker-${n}-b`);
    now = Date.now();
    expect(await worker.runOnce()).toMatchObject({ applied: 2 });

    await revoke(first);
    expect(await worker.runOnce()).toMatchObject({ superseded: 1 });
    expect(provisioner.count('revoke')).toBe(0);
    // For the revoked request its access has ended, whoever else holds it.
    expect((await store.get(first))?.provisioning?.state).toBe('revoked');

    await revoke(second);
    expect(await worker.runOnce()).toMatchObject({ applied: 1 });
    expect(provisioner.count('revoke', second)).toBe(1);
    expect(provisioner.calls.at(-1)?.grant.subjectRef).toBe(team);
  });

  it('revokes where the grant went when the port is gone from the catalog', async () => {
    const id = await approved();
    await worker.runOnce();
    const gone = new ProvisioningWorker({
      store,
      jobs: new ProvisioningJobs(knex),
      catalog: portSource({}),
      provisioners: [provisioner],
      logger: mockServices.logger.mock(),
      clock: () => now,
    });
    await revoke(id);
    expect(await gone.runOnce()).toMatchObject({ applied: 1 });
    expect(provisioner.calls[1]).toMatchObject({
      operation: 'revoke',
      grant: { server },
    });
  });

  it('keeps a revoke waiting while its grant runs, and lets another worker take over a job whose lease ran out', async () => {
    const id = await approved();
    const jobs = new ProvisioningJobs(knex);
    const [grantJob] = await jobs.due(now, 100);
    const claimed = await jobs.claim(grantJob, 'worker-a', now, now + 1000);
    expect(claimed?.attempts).toBe(1);
    expect(await jobs.claim(grantJob, 'worker-b', now, now + 1000)).toBe(
      undefined,
    );
    await store.transition({ id, action: 'revoke', actorRef: OLAV });
    expect(await jobs.due(now, 100)).toEqual([]);
    // Worker A stalls past its lease: B takes the grant over, A's outcome is refused.
    const later = now + 1001;
    expect(await jobs.due(later, 100)).toEqual([grantJob]);
    expect(
      await jobs.claim(grantJob, 'worker-b', later, later + 1000),
    ).toMatchObject({
      attempts: 2,
    });
    expect(
      await jobs.finish(
        claimed!,
        'worker-a',
        { status: 'superseded' },
        later,
        'revoked',
      ),
    ).toBe(false);
  });
});
