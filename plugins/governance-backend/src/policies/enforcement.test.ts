import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { adrFile, memoryAdrs } from '../__testUtils__/memoryAdrs';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { PolicyFailureStore } from '../database/PolicyFailureStore';
import { builtInPolicyChecks } from './builtin';
import { PolicyEvaluator } from './PolicyEvaluator';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MAX_DURATION = 'personal-data-max-duration';
const credentials = mockCredentials.user('user:default/ada.analyst');

/** A product with a personal-data port granted for up to 90 days, and no lifecycle. */
const claims: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'claims', namespace: 'default' },
  spec: {
    type: 'source-aligned',
    owner: 'group:default/team-a',
    outputPorts: [
      {
        name: 'claims_v1',
        type: 'table',
        classification: 'personal',
        access: { approval: 'required', maxDuration: 'P90D' },
      },
    ],
  },
};
const CLAIMS = 'dataproduct:default/claims';

/**
 * The forum accepted 180 days and proposes 30; it proposes the lifecycle
 * rule; a team "accepts" the freshness rule, which counts for nothing.
 */
const folders = memoryAdrs([
  {
    id: 'decisions',
    trust: 'forum',
    files: [
      adrFile(
        '0005-180-days.md',
        {
          status: 'accepted',
          date: '2026-04-20',
          policies: [{ id: MAX_DURATION, maxDuration: 'P180D' }],
        },
        'At most 180 days',
      ),
      adrFile(
        '0009-30-days.md',
        {
          status: 'proposed',
          date: '2026-12-01',
          policies: [{ id: MAX_DURATION, maxDuration: 'P30D' }],
        },
        'At most 30 days',
      ),
      adrFile(
        '0010-lifecycle.md',
        { status: 'proposed', policies: ['owner-and-lifecycle'] },
        'Every product has a lifecycle',
      ),
    ],
  },
  {
    id: 'payments',
    trust: 'team',
    files: [
      adrFile(
        '0001-freshness.md',
        { status: 'accepted', policies: ['freshness-sla'] },
        'Freshness, says the team',
      ),
    ],
  },
]);

describe.each(databaseIds)(
  'enforced and proposed policies on %s',
  databaseId => {
    let store: PolicyFailureStore;
    let policies: PolicyEvaluator;
    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      store = new PolicyFailureStore(knex);
      policies = new PolicyEvaluator(
        builtInPolicyChecks,
        folders.adrs,
        catalogServiceMock({ entities: [claims] }),
        store,
      );
    });

    it("marks each policy enforced, proposed or not decided by the forum's ADRs only", async () => {
      const all = await policies.compliance({ credentials });
      const byId = Object.fromEntries(all.map(p => [p.id, p]));
      expect(byId[MAX_DURATION]).toMatchObject({
        enforcement: 'enforced',
        compliant: 1,
        failing: [],
      });
      expect(byId['owner-and-lifecycle']).toMatchObject({
        enforcement: 'proposed',
        failing: [{ entityRef: CLAIMS }],
      });
      expect(byId['freshness-sla'].enforcement).toBe('not-decided');
    });

    it("shows a proposed ADR's policies with its own parameters, as would fail if accepted", async () => {
      const proposal = (await folders.adrs.get('decisions--0009-30-days'))!;
      const [policy] = await policies.compliance({
        adr: proposal,
        credentials,
      });
      expect(policy).toMatchObject({
        id: MAX_DURATION,
        enforcement: 'proposed',
        compliant: 0,
        failing: [
          {
            entityRef: CLAIMS,
            message:
              'claims_v1: access.maxDuration P90D is longer than the allowed P30D',
          },
        ],
      });
      const accepted = (await folders.adrs.get('decisions--0005-180-days'))!;
      expect(
        await policies.compliance({ adr: accepted, credentials }),
      ).toMatchObject([{ enforcement: 'enforced', compliant: 1 }]);
    });

    it('gives an entity check failingSince only for enforced policies the sweep saw failing', async () => {
      await store.recordPage(
        [CLAIMS],
        [
          { policyId: MAX_DURATION, entityRef: CLAIMS },
          { policyId: 'owner-and-lifecycle', entityRef: CLAIMS },
        ],
        Date.parse('2026-12-01T10:00:00Z'),
      );
      const checks = await policies.entityChecks(CLAIMS, { credentials });
      const lifecycle = checks.find(c => c.policyId === 'owner-and-lifecycle')!;
      expect(lifecycle).toMatchObject({
        passed: false,
        enforcement: 'proposed',
      });
      expect(lifecycle.failingSince).toBeUndefined();
      // Passing now: no failingSince even though the sweep has not caught up.
      expect(checks.find(c => c.policyId === MAX_DURATION)).toMatchObject({
        passed: true,
        enforcement: 'enforced',
      });
      expect(
        checks.find(c => c.policyId === MAX_DURATION)?.failingSince,
      ).toBeUndefined();

      const tooLong: Entity = JSON.parse(JSON.stringify(claims));
      (tooLong.spec as any).outputPorts[0].access.maxDuration = 'P365D';
      const failing = new PolicyEvaluator(
        builtInPolicyChecks,
        folders.adrs,
        catalogServiceMock({ entities: [tooLong] }),
        store,
      );
      expect(
        (await failing.entityChecks(CLAIMS, { credentials })).find(
          c => c.policyId === MAX_DURATION,
        ),
      ).toMatchObject({
        passed: false,
        enforcement: 'enforced',
        failingSince: '2026-12-01T10:00:00.000Z',
      });
    });
  },
);
