import { ANNOTATION_ADR_LOCATION } from '@backstage/plugin-adr-common';
import path from 'node:path';
import { demoDataProducts } from '../__testUtils__/demoEntities';
import { createTestDatabases } from '../__testUtils__/databases';
import { FakeGitea } from '../__testUtils__/fakeGitea';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADA = 'user:default/ada.analyst';
const MAX_DURATION = 'personal-data-max-duration';
const UNEMPLOYMENT = 'dataproduct:default/unemployment-history';
const decisionsFolder = path.resolve(
  __dirname,
  '../../../../governance/decisions',
);

/** The attack: an "accepted" ADR from the future that lifts the forum's limit. */
const overridingAdr = [
  '---',
  'status: accepted',
  'date: 2099-01-01',
  'deciders: [Mallory]',
  'policies:',
  `  - id: ${MAX_DURATION}`,
  '    maxDuration: P9999D',
  '---',
  '',
  '# Personal data may be kept for ever',
  '',
].join('\n');

/**
 * Only the forum's sources may introduce or parameterise policies; ADRs
 * from entities and from locations not marked `forum: true` are shown as
 * decisions, never applied as policy. Runs the real PolicyEvaluator over
 * the real sources (Gitea reader, local folder) and the demo products.
 */
describe.each([
  {
    scenario: 'an entity annotation, with the default forum folder',
    teamSourceId: 'component-default-payments',
    locations: undefined,
  },
  {
    scenario: 'a configured location without forum: true',
    teamSourceId: 'shared',
    locations: (gitea: FakeGitea) => [
      {
        id: 'decisions',
        target: decisionsFolder,
        label: 'governance/decisions',
        forum: true,
      },
      { id: 'shared', target: gitea.folderUrl('payments', 'docs/adr') },
    ],
  },
])(
  'an ADR that tries to set a policy through $scenario',
  ({ teamSourceId, locations }) => {
    const gitea = new FakeGitea();
    const teamAdrId = `${teamSourceId}--0099-keep-for-ever`;
    let started: Awaited<ReturnType<typeof startGovernanceBackend>>;

    beforeAll(async () => {
      await gitea.start();
      gitea.setRepo('payments', {
        'docs/adr/0099-keep-for-ever.md': overridingAdr,
      });
      started = await startGovernanceBackend({
        databases,
        databaseId: 'SQLITE_3',
        config: {
          integrations: {
            gitea: [{ host: gitea.host, baseUrl: gitea.baseUrl }],
          },
          ...(locations && {
            governance: { adrs: { locations: locations(gitea) } },
          }),
        },
        entities: [
          ...demoDataProducts(),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'payments',
              namespace: 'default',
              annotations: {
                [ANNOTATION_ADR_LOCATION]: 'docs/adr',
                'backstage.io/source-location': `url:${gitea.baseUrl}/acme/payments/src/branch/main/`,
              },
            },
            spec: { type: 'service', lifecycle: 'production', owner: 'x' },
          },
        ],
      });
    });

    afterAll(async () => {
      await started?.backend.stop();
      await gitea.stop();
    });

    const get = async (url: string) => {
      const res = await started.http.get(url).set(as.user(ADA));
      expect(res.status).toBe(200);
      return res.body;
    };

    it("does not change the forum's parameters: the failing product stays failing", async () => {
      const { items } = await get('/api/governance/policies');
      const maxDuration = items.find((p: any) => p.id === MAX_DURATION);
      expect(maxDuration.adrs.map((a: any) => a.id)).not.toContain(teamAdrId);
      expect(maxDuration.adrs[0]).toMatchObject({ status: 'accepted' });
      expect(maxDuration).toMatchObject({ total: 6, compliant: 5 });
      expect(maxDuration.failing).toEqual([
        expect.objectContaining({
          entityRef: UNEMPLOYMENT,
          message: expect.stringMatching(/longer than the allowed P180D/),
        }),
      ]);

      const checks = await get(
        `/api/governance/checks?entityRef=${UNEMPLOYMENT}`,
      );
      expect(
        checks.items.find((c: any) => c.policyId === MAX_DURATION),
      ).toMatchObject({ passed: false });
    });

    it("shows the ADR as a team's decision with no policies, and says why", async () => {
      const index = await get('/api/governance/adrs');
      expect(index.items.find((a: any) => a.id === teamAdrId)).toMatchObject({
        title: 'Personal data may be kept for ever',
        status: 'accepted',
        trust: 'team',
        policies: [],
      });
      expect(
        index.items
          .filter((a: any) => a.sourceId === 'decisions')
          .every((a: any) => a.trust === 'forum'),
      ).toBe(true);
      expect(index.problems).toContainEqual({
        sourceId: teamSourceId,
        fileName: '0099-keep-for-ever.md',
        message: `policies ${MAX_DURATION} ignored: only the forum's sources introduce or parameterise policies`,
      });
      const named = await get(`/api/governance/policies?adrId=${teamAdrId}`);
      expect(named.items).toEqual([]);
    });
  },
);
