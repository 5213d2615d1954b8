import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';
import { ADR_REFRESH_TASK_ID } from '../plugin';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const LEO = 'user:default/leo.legal';
const ADA = 'user:default/ada.analyst';
const BO = 'user:default/bo.business';
const ADR = 'forum--0042-data-contracts';

/** A MADR v3 file as the forum writes it. */
function writeAdr(folder: string, status: string, date: string) {
  writeFileSync(
    path.join(folder, '0042-data-contracts.md'),
    `---\nstatus: ${status}\ndate: ${date}\ndeciders: [Pia Platform]\n---\n# Data products publish a contract\n\n## Context and Problem Statement\n\nConsumers guess schemas.\n`,
  );
}

function startReplica(
  databaseId: TestDatabaseId,
  folder: string,
  options: { knex?: Knex; events?: Array<{ eventId: string; meta?: any }> },
) {
  const auditor = mockServices.auditor.mock({
    createEvent: async event => {
      options.events?.push(event);
      return { success: async () => {}, fail: async () => {} };
    },
  });
  return startGovernanceBackend({
    databases,
    databaseId,
    knex: options.knex,
    config: {
      governance: {
        adrs: { locations: [{ id: 'forum', target: folder, forum: true }] },
      },
    },
    features: [auditor.factory],
  });
}

describe.each(databaseIds)('recording decisions on %s', databaseId => {
  let folder: string;
  let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
  const events: Array<{ eventId: string; meta?: any }> = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'governance-decisions-'));
    writeAdr(folder, 'proposed', '2026-11-20');
    // The refresh task runs as the backend starts.
    started = await startReplica(databaseId, folder, { events });
  });
  afterAll(async () => {
    await started?.backend.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const history = async () => {
    const res = await started.http
      .get(`/api/governance/adrs/${ADR}/status-history`)
      .set(as.user(ADA));
    expect(res.status).toBe(200);
    return res.body;
  };
  const opine = (who: string, body: object) =>
    started.http
      .put(`/api/governance/adrs/${ADR}/opinions/mine`)
      .set(as.user(who))
      .send(body);

  it('records the decision once, with the opinions weighed, and closes opinions', async () => {
    const before = await history();
    expect(before).toEqual({
      items: [
        expect.objectContaining({
          adrId: ADR,
          sequence: 1,
          toStatus: 'proposed',
          adrDate: '2026-11-20',
        }),
      ],
    });
    expect(before.items[0]).not.toHaveProperty('fromStatus');

    expect(
      (
        await opine(LEO, {
          stance: 'concern',
          perspective: 'legal',
          comment: 'Contracts must name the legal basis.',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await opine(BO, {
          stance: 'support',
          perspective: 'business',
          comment: 'Yes.',
        })
      ).status,
    ).toBe(201);

    writeAdr(folder, 'accepted', '2026-12-01');
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);
    // Seen again by the next refresh: recorded once.
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);

    const after = await history();
    expect(after.items.map((c: any) => [c.sequence, c.toStatus])).toEqual([
      [1, 'proposed'],
      [2, 'accepted'],
    ]);
    expect(after.decision).toEqual(after.items[1]);
    expect(after.decision).toMatchObject({
      fromStatus: 'proposed',
      toStatus: 'accepted',
      adrDate: '2026-12-01',
      snapshot: {
        counts: {
          legal: { support: 0, concern: 1, object: 0 },
          business: { support: 1, concern: 0, object: 0 },
          consumer: { support: 0, concern: 0, object: 0 },
        },
      },
    });
    expect(
      after.decision.snapshot.opinions.map((o: any) => [
        o.authorRef,
        o.perspective,
        o.stance,
        o.comment,
      ]),
    ).toEqual([
      [BO, 'business', 'support', 'Yes.'],
      [LEO, 'legal', 'concern', 'Contracts must name the legal basis.'],
    ]);

    const closed = await opine(LEO, {
      stance: 'object',
      perspective: 'legal',
      comment: 'Too late?',
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(
      /is accepted; only proposed ADRs take opinions, so opinions on it are closed/,
    );
    const summary = await started.http
      .get(`/api/governance/adrs/${ADR}/opinions`)
      .set(as.user(ADA));
    expect(summary.body.open).toBe(false);
    expect(summary.body.items).toHaveLength(2);

    // One audit event, for the decision only (not for the first sighting).
    const recorded = events.filter(
      e => e.eventId === 'governance-adr-status-record',
    );
    expect(recorded).toEqual([
      expect.objectContaining({
        severityLevel: 'medium',
        meta: expect.objectContaining({
          adrId: ADR,
          fromStatus: 'proposed',
          toStatus: 'accepted',
          opinionsWeighed: 2,
        }),
      }),
    ]);
  });

  it('answers 404 for an unknown ADR and 400 for an impossible id, 401 without credentials', async () => {
    const unknown = await started.http
      .get('/api/governance/adrs/forum--nope/status-history')
      .set(as.user(ADA));
    expect(unknown.status).toBe(404);
    const bad = await started.http
      .get(`/api/governance/adrs/${'x'.repeat(256)}/status-history`)
      .set(as.user(ADA));
    expect(bad.status).toBe(400);
    const nobody = await started.http
      .get(`/api/governance/adrs/${ADR}/status-history`)
      .set(as.nobody());
    expect(nobody.status).toBe(401);
  });

  it('gives no decision once the ADR is proposed again, and keeps the history', async () => {
    writeAdr(folder, 'proposed', '2026-12-02');
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);
    const reopened = await history();
    expect(reopened.items.map((c: any) => c.toStatus)).toEqual([
      'proposed',
      'accepted',
      'proposed',
    ]);
    expect(reopened).not.toHaveProperty('decision');
  });
});

const postgres = databaseIds.filter(id => id.startsWith('POSTGRES'));
const describePostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);

// Two replicas: two backends, two connection pools, one PostgreSQL database;
// each reads the forum's folder on its own schedule.
describePostgres('two replicas recording decisions on %s', databaseId => {
  let folder: string;
  let replicaA: Awaited<ReturnType<typeof startGovernanceBackend>>;
  let replicaB: Awaited<ReturnType<typeof startGovernanceBackend>>;
  let poolB: Knex;
  const eventsA: Array<{ eventId: string }> = [];
  const eventsB: Array<{ eventId: string }> = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'governance-replicas-'));
    writeAdr(folder, 'proposed', '2026-11-20');
    replicaA = await startReplica(databaseId, folder, { events: eventsA });
    poolB = knexFactory({
      // The same engine and database: a second pool, as a second replica has.
      client: replicaA.knex.client.config.client,
      connection: replicaA.knex.client.config.connection,
      pool: { min: 1, max: 5 },
    });
    replicaB = await startReplica(databaseId, folder, {
      knex: poolB,
      events: eventsB,
    });
  });
  afterAll(async () => {
    await replicaA?.backend.stop();
    await replicaB?.backend.stop();
    await poolB?.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('record a decision once, and a replica that has not read it yet takes no more opinions', async () => {
    writeAdr(folder, 'rejected', '2026-12-01');
    await replicaA.scheduler.triggerTask(ADR_REFRESH_TASK_ID);
    // B still serves the proposal from its last read...
    const onB = await replicaB.http
      .get(`/api/governance/adrs/${ADR}`)
      .set(as.user(ADA));
    expect(onB.body.status).toBe('proposed');
    // ...but the decision is recorded, so B refuses opinions too.
    const late = await replicaB.http
      .put(`/api/governance/adrs/${ADR}/opinions/mine`)
      .set(as.user(LEO))
      .send({ stance: 'support', perspective: 'legal', comment: 'Late.' });
    expect(late.status).toBe(409);

    writeAdr(folder, 'superseded', '2026-12-03');
    // Both replicas see the change at the same moment.
    await Promise.all([
      replicaA.scheduler.triggerTask(ADR_REFRESH_TASK_ID),
      replicaB.scheduler.triggerTask(ADR_REFRESH_TASK_ID),
    ]);
    const res = await replicaB.http
      .get(`/api/governance/adrs/${ADR}/status-history`)
      .set(as.user(ADA));
    expect(res.body.items.map((c: any) => c.toStatus)).toEqual([
      'proposed',
      'rejected',
      'superseded',
    ]);
    const audited = [...eventsA, ...eventsB].filter(
      e => e.eventId === 'governance-adr-status-record',
    );
    expect(audited).toHaveLength(2);
  });
});
