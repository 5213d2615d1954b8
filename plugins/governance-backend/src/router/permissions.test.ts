import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { governancePolicyDecision } from '@datamesh-governance/plugin-governance-node';
import { catalogSeenBy } from '../__testUtils__/catalogSeenBy';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { demoDataProducts } from '../__testUtils__/demoEntities';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ADA = 'user:default/ada.analyst';
const OLAV = 'user:default/olav.owner';
const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';
const HIDDEN = 'dataproduct:default/unemployment-history';
const opinion = { stance: 'support', perspective: 'consumer', comment: 'Yes' };

/** The permission service with the governance part of the portal's policy. */
const governancePolicy = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(({ permission }) => {
      const principal = credentials.principal as { userEntityRef?: string };
      const user: PolicyQueryUser | undefined = principal.userEntityRef
        ? {
            credentials: credentials as PolicyQueryUser['credentials'],
            info: {
              userEntityRef: principal.userEntityRef,
              ownershipEntityRefs: [principal.userEntityRef],
            },
          }
        : undefined;
      const decision = governancePolicyDecision({ permission }, user);
      return {
        result:
          decision?.result === AuthorizeResult.ALLOW
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }),
});

describe.each(databaseIds)('governance permissions on %s', databaseId => {
  describe('with the governance policy', () => {
    let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
    beforeAll(async () => {
      started = await startGovernanceBackend({
        databases,
        databaseId,
        features: [governancePolicy.factory],
        // Unemployment history is Olav's team's, and hidden from others.
        catalog: catalogSeenBy({
          entities: demoDataProducts(),
          readers: { [HIDDEN]: [OLAV] },
        }),
      });
    });
    afterAll(() => started?.backend.stop());

    it('lets signed-in users record opinions and read checks', async () => {
      const recorded = await started.http
        .put(`/api/governance/adrs/${PROPOSED}/opinions/mine`)
        .set(as.user(ADA))
        .send(opinion);
      expect(recorded.status).toBe(201);
      const policies = await started.http
        .get('/api/governance/policies')
        .set(as.user(ADA));
      expect(policies.status).toBe(200);
    });

    it('registers its permissions for policy authors to see', async () => {
      const res = await started.http
        .get('/api/governance/.well-known/backstage/permissions/metadata')
        .set(as.service());
      expect(res.body.permissions.map((p: any) => p.name)).toEqual(
        expect.arrayContaining([
          'governance.opinion.create',
          'governance.policy-check.read',
        ]),
      );
    });

    it('neither counts nor lists a data product the caller may not see', async () => {
      const failing = (body: any, id: string) => {
        const policy = body.items.find((p: any) => p.id === id);
        return {
          total: policy.total,
          refs: policy.failing.map((f: any) => f.entityRef).sort(),
        };
      };
      const ada = await started.http
        .get('/api/governance/policies')
        .set(as.user(ADA));
      expect(failing(ada.body, 'personal-data-max-duration')).toEqual({
        total: 5,
        refs: [],
      });
      expect(failing(ada.body, 'freshness-sla').refs).toEqual([
        'dataproduct:default/benefit-applications-stream',
      ]);

      const olav = await started.http
        .get('/api/governance/policies')
        .set(as.user(OLAV));
      expect(failing(olav.body, 'personal-data-max-duration')).toEqual({
        total: 6,
        refs: [HIDDEN],
      });
    });

    it('answers 404 for the checks of a product the caller may not see', async () => {
      const path = `/api/governance/checks?entityRef=${HIDDEN}`;
      const ada = await started.http.get(path).set(as.user(ADA));
      expect(ada.status).toBe(404);
      expect(JSON.stringify(ada.body)).not.toMatch(/P365D/);
      const olav = await started.http.get(path).set(as.user(OLAV));
      expect(olav.status).toBe(200);
    });
  });

  describe('when the policy denies', () => {
    let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
    beforeAll(async () => {
      started = await startGovernanceBackend({
        databases,
        databaseId,
        features: [
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        ],
      });
    });
    afterAll(() => started?.backend.stop());

    it('refuses to record an opinion with a 403 that names the permission, and stores nothing', async () => {
      const res = await started.http
        .put(`/api/governance/adrs/${PROPOSED}/opinions/mine`)
        .set(as.user(ADA))
        .send(opinion);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /may not record opinions \(governance.opinion.create/,
      );
      expect(await started.knex('governance_opinion_revisions')).toEqual([]);
    });

    it('refuses policy checks with a 403, but not the ADRs', async () => {
      for (const path of ['/policies', `/checks?entityRef=${HIDDEN}`]) {
        const res = await started.http
          .get(`/api/governance${path}`)
          .set(as.user(ADA));
        expect([path, res.status]).toEqual([path, 403]);
        expect(res.body.error.message).toMatch(/governance.policy-check.read/);
      }
      const adrs = await started.http
        .get('/api/governance/adrs')
        .set(as.user(ADA));
      expect(adrs.status).toBe(200);
    });
  });
});
