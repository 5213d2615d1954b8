import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ACTIONS = '/api/governance/.backstage/actions/v1/actions';
const ADA = 'user:default/ada.analyst';
const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';
const ACCEPTED =
  'decisions--0005-access-to-personal-data-lasts-at-most-180-days';

describe.each(databaseIds)(
  'the governance assistant actions on %s',
  databaseId => {
    let http: Awaited<ReturnType<typeof startGovernanceBackend>>['http'];
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const started = await startGovernanceBackend({
        databases,
        databaseId,
        // As app-config.yaml lists them for the MCP backend.
        config: {
          backend: {
            actions: {
              pluginSources: ['data-products', 'governance', 'catalog'],
            },
          },
        },
      });
      http = started.http;
      stop = () => started.backend.stop();
    });
    afterAll(() => stop?.());

    const invoke = (name: string, input: object, headers = as.user(ADA)) =>
      http
        .post(`${ACTIONS}/governance:${name}/invoke`)
        .set(headers)
        .send(input);

    it('lists two read-only actions, none that records an opinion or a decision', async () => {
      const res = await http.get(ACTIONS).set(as.user(ADA));
      expect(res.status).toBe(200);
      expect(res.body.actions.map((a: any) => a.id).sort()).toEqual([
        'governance:explain-failing-policies',
        'governance:list-adrs',
      ]);
      for (const action of res.body.actions) {
        expect(action.attributes).toEqual({
          readOnly: true,
          destructive: false,
          idempotent: true,
        });
        expect(action.description.length).toBeGreaterThan(200);
        expect(action.schema.input.type).toBe('object');
        expect(action.schema.output.type).toBe('object');
      }
    });

    it('lists ADRs by status and by words', async () => {
      const proposed = await invoke('list-adrs', { status: ['proposed'] });
      expect(proposed.status).toBe(200);
      const ids = proposed.body.output.items.map((a: any) => a.id);
      expect(ids).toContain(PROPOSED);
      expect(ids).not.toContain(ACCEPTED);
      expect(
        proposed.body.output.items.every((a: any) => a.status === 'proposed'),
      ).toBe(true);

      const accepted = await invoke('list-adrs', {
        status: ['accepted'],
        text: '180 days',
      });
      expect(accepted.body.output).toMatchObject({
        total: 1,
        items: [
          {
            id: ACCEPTED,
            trust: 'forum',
            policies: [{ id: 'personal-data-max-duration' }],
          },
        ],
      });

      const few = await invoke('list-adrs', { limit: 2 });
      expect(few.body.output.items).toHaveLength(2);
      expect(few.body.output.total).toBeGreaterThan(2);

      const unknownStatus = await invoke('list-adrs', { status: ['decided'] });
      expect(unknownStatus.status).toBe(400);
    });

    it("explains a data product's failing checks with the fix and whether they are enforced", async () => {
      const res = await invoke('explain-failing-policies', {
        entityRef: 'dataproduct:default/unemployment-history',
      });
      expect(res.status).toBe(200);
      const { output } = res.body;
      expect(output).toMatchObject({
        entityRef: 'dataproduct:default/unemployment-history',
        checked: 5,
        passed: 3,
      });
      const byPolicy = Object.fromEntries(
        output.failing.map((f: any) => [f.policyId, f]),
      );
      expect(Object.keys(byPolicy).sort()).toEqual([
        'freshness-sla',
        'personal-data-max-duration',
      ]);
      expect(byPolicy['personal-data-max-duration']).toMatchObject({
        title: 'Access to personal data is time-limited',
        fix: expect.stringMatching(/access\.maxDuration/),
        enforced: true,
      });
      // Introduced by a proposed ADR only: it would fail once accepted.
      expect(byPolicy['freshness-sla'].enforced).toBe(false);
      expect(byPolicy['freshness-sla'].adrs).toEqual([
        expect.objectContaining({ id: PROPOSED, status: 'proposed' }),
      ]);

      const compliant = await invoke('explain-failing-policies', {
        entityRef: 'sick-leave-cases',
      });
      expect(compliant.body.output).toMatchObject({ passed: 6, failing: [] });
    });

    it('refuses unknown products, bad refs, services and anonymous callers', async () => {
      const unknown = await invoke('explain-failing-policies', {
        entityRef: 'dataproduct:default/nope',
      });
      expect(unknown.status).toBe(404);
      const withNul = await invoke('explain-failing-policies', {
        entityRef: 'dataproduct:default/a\u0000b',
      });
      expect(withNul.status).toBe(400);

      for (const name of ['list-adrs', 'explain-failing-policies']) {
        const service = await invoke(
          name,
          { entityRef: 'sick-leave-cases' },
          as.service(),
        );
        expect(service.status).toBe(403);
        expect(service.body.error.message).toMatch(/user token/);
      }
      const anonymous = await invoke(
        'list-adrs',
        {},
        { Authorization: mockCredentials.none.header() },
      );
      expect(anonymous.status).toBe(401);
    });
  },
);
