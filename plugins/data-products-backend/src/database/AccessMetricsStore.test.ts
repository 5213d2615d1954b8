import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, OLAV, TEAM_BENEFITS } from '../__testUtils__/fixtures';
import { AccessMetricsStore } from './AccessMetricsStore';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { PastEvents } from './PastEvents';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MINUTE = 60_000;
const jan = (day: number, hour = 0) => Date.UTC(2026, 0, day, hour);
const feb = (day: number, hour = 0) => Date.UTC(2026, 1, day, hour);
const BENEFITS = 'dataproduct:default/benefit-decisions';
const SICK_LEAVE = 'dataproduct:default/sick-leave';
const FAR = new Date(Date.UTC(2030, 0, 1)).toISOString();

/**
 * A hand-made history whose figures are known:
 * - Jan 2: ten requests, decided 1..10 hours later by the owner; those
 *   decided after 4 and 10 hours rejected. Median 5.5 h, p90 9.1 h
 *   (percentile_cont), rejection share 2/10. The first three approvals are
 *   provisioned 10, 20 and 60 minutes later: median 20 min, p90 52 min.
 * - Jan 3: one automatic approval (no owner, no time to decision).
 * - Jan 5: a request for sick-leave that stays pending.
 * - Jan 20: one cancelled on Feb 3. Jan 25: one that expires, swept Feb 11.
 * - Feb 5: the first approval is revoked. Feb 7 and 8: two more pending.
 */
async function seed(db: Knex) {
  const past = new PastEvents(db);
  let n = 0;
  const request = (extra: Parameters<typeof newRequest>[0] = {}) => {
    n += 1;
    const who = `user:default/requester-${n}`;
    return newRequest({
      requesterRef: who,
      subjectRef: who,
      endsAt: FAR,
      ...extra,
    });
  };
  const decided = [];
  for (let hours = 1; hours <= 10; hours += 1) {
    decided.push(await past.at(jan(2)).create(request()));
  }
  for (const [i, req] of decided.entries()) {
    const hours = i + 1;
    const action = hours === 4 || hours === 10 ? 'reject' : 'approve';
    await past.at(jan(2, hours)).decide(req.id, action, OLAV);
  }
  for (const [i, minutes] of [10, 20, 60].entries()) {
    await past.at(jan(2, i + 1) + minutes * MINUTE).provisioned(decided[i].id);
  }
  await past
    .at(jan(3))
    .create(request({ outputPort: 'counts_v1', approvalMode: 'auto' }), {
      automatic: true,
    });
  await past
    .at(jan(5))
    .create(request({ entityRef: SICK_LEAVE, outputPort: 'cases_v1' }));
  const cancelled = await past.at(jan(20)).create(request());
  const expiring = await past
    .at(jan(25))
    .create(request({ endsAt: new Date(feb(10)).toISOString() }));
  await past.at(feb(3)).close(cancelled.id, 'cancel', cancelled.requesterRef);
  await past.at(feb(5)).close(decided[0].id, 'revoke', OLAV);
  await past.at(feb(7)).create(request());
  await past.at(feb(8)).create(request());
  expect(await past.at(feb(11)).expireDue()).toBe(1);
  expect(expiring.status).toBe('pending');
}

describe.each(databaseIds)('AccessMetricsStore on %s', databaseId => {
  let metrics: AccessMetricsStore;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    await seed(knex);
    metrics = new AccessMetricsStore(knex, () => feb(20));
  });

  const period = { from: new Date(jan(1)), to: new Date(Date.UTC(2026, 2, 1)) };

  it('counts a period by month, with the percentiles and the queue at each month end', async () => {
    const result = await metrics.metrics({ ...period, groupBy: 'month' });
    expect(result.totals).toEqual({
      created: 16,
      decided: 11,
      approved: 9,
      rejected: 2,
      cancelled: 1,
      expired: 1,
      revoked: 1,
      automatic: 1,
      ownerDecided: 10,
      rejectionShare: 0.2,
      timeToDecision: { medianSeconds: 5.5 * 3600, p90Seconds: 9.1 * 3600 },
      timeToProvisioned: { medianSeconds: 20 * 60, p90Seconds: 52 * 60 },
      open: 3,
      oldestOpenCreatedAt: new Date(jan(5)).toISOString(),
    });
    expect(result.groups.map(g => g.key)).toEqual(['2026-01', '2026-02']);
    const [january, february] = result.groups.map(g => g.figures);
    expect(january).toMatchObject({
      created: 14,
      decided: 11,
      rejectionShare: 0.2,
      cancelled: 0,
      revoked: 0,
      timeToDecision: { medianSeconds: 19800, p90Seconds: 32760 },
      // r12 (sick-leave), the one cancelled in February, the one that expires.
      open: 3,
    });
    expect(february).toEqual({
      created: 2,
      decided: 0,
      approved: 0,
      rejected: 0,
      cancelled: 1,
      expired: 1,
      revoked: 1,
      automatic: 0,
      ownerDecided: 0,
      rejectionShare: null,
      timeToDecision: { medianSeconds: null, p90Seconds: null },
      timeToProvisioned: { medianSeconds: null, p90Seconds: null },
      open: 3,
      oldestOpenCreatedAt: null,
    });
  });

  it('counts the open queue for the gauge', async () => {
    expect(await metrics.countOpen()).toBe(3);
  });

  it('lists every month of the period, those without events with zeros', async () => {
    const result = await metrics.metrics({
      from: new Date(Date.UTC(2025, 10, 15)),
      to: new Date(Date.UTC(2026, 3, 1)),
      groupBy: 'month',
    });
    expect(
      result.groups.map(g => [g.key, g.figures.created, g.figures.open]),
    ).toEqual([
      ['2025-11', 0, 0],
      ['2025-12', 0, 0],
      ['2026-01', 14, 3],
      ['2026-02', 2, 3],
      ['2026-03', 0, 3],
    ]);
  });

  it('counts only the events inside the period', async () => {
    // February alone: the queue carried over from January is the start.
    const result = await metrics.metrics({
      from: new Date(feb(1)),
      to: new Date(feb(6)),
      groupBy: 'month',
    });
    expect(result.totals).toMatchObject({
      created: 0,
      decided: 0,
      cancelled: 1,
      revoked: 1,
    });
    expect(result.groups).toEqual([
      { key: '2026-02', figures: expect.objectContaining({ open: 2 }) },
    ]);
  });

  it('adds the whole months kept per month to the events at the edges of the period', async () => {
    // December's second half and February's first days from the audit
    // trail, January from its monthly rows.
    const result = await metrics.metrics({
      from: new Date(Date.UTC(2025, 11, 15)),
      to: new Date(feb(6)),
      groupBy: 'product',
    });
    expect(result.totals).toMatchObject({
      created: 14,
      decided: 11,
      approved: 9,
      rejected: 2,
      cancelled: 1,
      revoked: 1,
      expired: 0,
      automatic: 1,
      ownerDecided: 10,
      rejectionShare: 0.2,
    });

    // Ending after now (Feb 20), February is read whole from its row.
    const toLater = await metrics.metrics({
      from: period.from,
      to: new Date(feb(25)),
      groupBy: 'month',
    });
    const whole = await metrics.metrics({ ...period, groupBy: 'month' });
    expect(toLater.totals).toEqual(whole.totals);
  });

  it('groups by product with each product open queue now', async () => {
    const result = await metrics.metrics({ ...period, groupBy: 'product' });
    expect(
      result.groups.map(g => [
        g.key,
        g.figures.created,
        g.figures.open,
        g.figures.oldestOpenCreatedAt,
      ]),
    ).toEqual([
      [BENEFITS, 15, 2, new Date(feb(7)).toISOString()],
      [SICK_LEAVE, 1, 1, new Date(jan(5)).toISOString()],
    ]);
    expect(result.groups[0].figures.timeToDecision).toEqual({
      medianSeconds: 19800,
      p90Seconds: 32760,
    });
  });

  it('groups by owner through the map the catalog gives, and narrows to a scope', async () => {
    const byOwner = await metrics.metrics({
      ...period,
      groupBy: 'owner',
      ownerOf: new Map([
        [BENEFITS, TEAM_BENEFITS],
        [SICK_LEAVE, 'group:default/team-health'],
      ]),
    });
    expect(byOwner.groups.map(g => [g.key, g.figures.created])).toEqual([
      ['group:default/team-benefits', 15],
      ['group:default/team-health', 1],
    ]);

    const scoped = await metrics.metrics({
      ...period,
      groupBy: 'product',
      scope: {
        products: [{ entityRef: BENEFITS, outputPorts: ['counts_v1'] }],
      },
    });
    expect(scoped.totals).toMatchObject({
      created: 1,
      automatic: 1,
      ownerDecided: 0,
      rejectionShare: null,
      timeToDecision: { medianSeconds: null, p90Seconds: null },
      open: 0,
    });

    const nothing = await metrics.metrics({
      ...period,
      groupBy: 'product',
      scope: { products: [] },
    });
    expect(nothing.totals.created).toBe(0);
    expect(nothing.groups).toEqual([]);
  });
});
