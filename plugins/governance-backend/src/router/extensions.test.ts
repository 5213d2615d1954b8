import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { governancePolicyChecksExtensionPoint } from '@datamesh-governance/plugin-governance-node';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const LEO = 'user:default/leo.legal';
const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';

/** A module's check, named by no ADR: listed with no ADRs and empty params. */
const descriptionModule = createBackendModule({
  pluginId: 'governance',
  moduleId: 'test-description',
  register(env) {
    env.registerInit({
      deps: { checks: governancePolicyChecksExtensionPoint },
      async init({ checks }) {
        checks.addPolicyCheck({
          id: 'description-required',
          title: 'Data products describe themselves',
          description: 'metadata.description is set',
          appliesTo: entity => entity.kind === 'DataProduct',
          check: (entity, params) =>
            entity.metadata.description && Object.keys(params).length === 0
              ? { passed: true }
              : { passed: false, message: 'add metadata.description' },
        });
      },
    });
  },
});

describe.each(databaseIds)('modules and audit on %s', databaseId => {
  const auditor = mockServices.auditor.mock();
  let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
  beforeAll(async () => {
    started = await startGovernanceBackend({
      databases,
      databaseId,
      features: [descriptionModule, auditor.factory],
    });
  });
  afterAll(() => started?.backend.stop());

  it("runs a module's check next to the built-in ones", async () => {
    const res = await started.http
      .get('/api/governance/policies')
      .set(as.user(LEO));
    const added = res.body.items.find(
      (p: any) => p.id === 'description-required',
    );
    expect(added).toMatchObject({ adrs: [], total: 10, compliant: 10 });
    expect(res.body.items).toHaveLength(7);
  });

  it('audits a recorded opinion with ids only, not the comment', async () => {
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const res = await started.http
      .put(`/api/governance/adrs/${PROPOSED}/opinions/mine`)
      .set(as.user(LEO))
      .send({ stance: 'object', perspective: 'legal', comment: 'Secret.' });
    expect(res.status).toBe(201);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'governance-opinion-record',
        meta: { adrId: PROPOSED, stance: 'object', perspective: 'legal' },
      }),
    );
    expect(event.success).toHaveBeenCalledWith({
      meta: { outcome: 'created', revision: 1 },
    });
    const metas = [
      ...auditor.createEvent.mock.calls.map(([options]) => options.meta),
      ...event.success.mock.calls.map(([options]) => options.meta),
    ];
    expect(JSON.stringify(metas)).not.toMatch(/Secret/);
  });
});
