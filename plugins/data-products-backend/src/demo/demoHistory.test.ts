import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { resolve } from 'path';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { AccessMetricsStore } from '../database/AccessMetricsStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { PersonalDataReportStore } from '../database/PersonalDataReportStore';
import { ConfigLegalBasisRegistry } from '../registers/ConfigLegalBasisRegistry';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';
import { DEMO_PURPOSE_PREFIX, writeDemoHistory } from './demoHistory';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const NOW = Date.UTC(2026, 10, 30, 9);
const DEMO_USERS =
  /^(user:default\/(ada\.analyst|bo\.business|emma\.employment|frida\.followup)|group:default\/team-analytics)$/;

describe.each(databaseIds)('demo history on %s', databaseId => {
  it('writes months of marked history once, that Insights and the report can show', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const logger = mockServices.logger.mock();
    const registry = await ConfigLegalBasisRegistry.fromConfig(
      new ConfigReader({
        dataProducts: {
          legalBasis: {
            registerId: 'demo',
            file: resolve(
              __dirname,
              '../../../../examples/processing-activities.yaml',
            ),
          },
        },
      }),
    );
    const registries = new LegalBasisRegistries([registry], logger);

    const made = await writeDemoHistory({
      db: knex,
      registries,
      logger,
      now: NOW,
    });
    expect(made).toBeGreaterThan(50);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Demo history: wrote \d+ access requests/),
    );
    const purposes: string[] = await knex('access_requests').pluck('purpose');
    expect(purposes.every(p => p.startsWith(DEMO_PURPOSE_PREFIX))).toBe(true);
    // The demo users' own requests never meet an open one of the history.
    const open: string[] = await knex('access_requests')
      .whereIn('status', ['pending', 'approved'])
      .where('ends_at', '>', NOW)
      .pluck('requester_ref');
    expect(open.filter(ref => DEMO_USERS.test(ref))).toEqual([]);

    const metrics = await new AccessMetricsStore(knex, () => NOW).metrics({
      from: new Date(Date.UTC(2026, 5, 1)),
      to: new Date(NOW),
      groupBy: 'month',
    });
    const busy = metrics.groups.filter(g => g.figures.decided > 0);
    expect(busy.length).toBeGreaterThanOrEqual(5);
    expect(metrics.totals).toMatchObject({
      approved: expect.any(Number),
      automatic: expect.any(Number),
    });
    for (const figure of [
      'rejected',
      'cancelled',
      'expired',
      'revoked',
      'automatic',
    ] as const) {
      expect(metrics.totals[figure]).toBeGreaterThan(0);
    }
    expect(metrics.totals.timeToDecision.medianSeconds).toBeGreaterThan(3600);
    // A queue today, with an age.
    expect(metrics.totals.open).toBeGreaterThan(0);
    expect(metrics.totals.oldestOpenCreatedAt).not.toBeNull();
    expect(metrics.totals.timeToProvisioned.medianSeconds).toBeGreaterThan(0);

    const report = new PersonalDataReportStore(knex);
    const today = await report.page({ at: new Date(NOW), limit: 100 });
    expect(today.items.length).toBeGreaterThan(0);
    // A grant revoked since shows at a date before its revocation.
    const revoked = await knex('access_requests')
      .where({ status: 'revoked' })
      .whereNotNull('legal_basis_snapshot')
      .first();
    expect(revoked).toBeDefined();
    const before = new Date(Number(revoked.closed_at) - 60_000);
    const then = await report.page({ at: before, limit: 100 });
    expect(then.items.map(i => i.requestId)).toContain(revoked.id);
    expect(today.items.map(i => i.requestId)).not.toContain(revoked.id);

    expect(
      await writeDemoHistory({ db: knex, registries, logger, now: NOW }),
    ).toBe(0);
  });
});
