import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { legalBasisRegistryExtensionPoint } from '@datamesh-governance/plugin-data-products-node';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  BO,
  catalogEntities,
  days,
  EVE,
  OLAV,
  requestBody,
  TEAM_BENEFITS,
} from '../__testUtils__/fixtures';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { DataProductCatalog } from '../service/DataProductCatalog';
import { refreshDeciders } from '../service/refreshDeciders';
import { Knex } from 'knex';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** A register the test can withdraw activities from, or take down. */
const register = {
  down: false,
  activities: new Map<string, ProcessingActivity>(),
};
const activity = (id: string): ProcessingActivity => ({
  registerId: 'mutable',
  id,
  number: `B9${id.length}`,
  name: `Activity ${id}`,
  purposes: ['Statistics'],
  art6Basis: 'ART61E',
  status: 'COMPLETED',
  validFrom: '2020-01-01',
});
const mutableRegister = createBackendModule({
  pluginId: 'data-products',
  moduleId: 'mutable-register',
  register(reg) {
    reg.registerInit({
      deps: { registries: legalBasisRegistryExtensionPoint },
      async init({ registries }) {
        registries.addRegistry({
          id: 'mutable',
          search: async () => [...register.activities.values()],
          get: async id => {
            if (register.down) {
              throw new ServiceUnavailableError('The register is down');
            }
            return register.activities.get(id);
          },
        });
      },
    });
  },
});

/** The special-category port: its legal basis comes from the config register. */
const sickLeave = {
  entityRef: 'dataproduct:default/sick-leave',
  outputPort: 'cases_v1',
  legalBasis: { registerId: 'demo', activityId: 'health' },
  endsAt: days(10).toISOString(),
};

describe.each(databaseIds)('decisions on %s', databaseId => {
  // The catalog as the test wants it now; reads are counted.
  let entities: Entity[];
  const unreadable = new Set<string>();
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async (ref: any) => {
      if (unreadable.has(String(ref))) throw new Error('catalog exploded');
      return entities.find(
        e =>
          `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase() ===
          ref,
      );
    },
    queryEntities: async () => ({
      items: entities.filter(e => e.kind === 'DataProduct'),
      totalItems: 0,
      pageInfo: {},
    }),
  });
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  });
  const events: Array<{ eventId: string; severityLevel?: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      events.push(options);
      return { success: async () => {}, fail: async () => {} };
    },
  });
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let knex: Knex;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    entities = structuredClone(catalogEntities);
    const started = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      {
        catalog: catalog.factory,
        features: [permissions.factory, auditor.factory, mutableRegister],
      },
    );
    http = started.http;
    knex = started.knex;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());
  beforeEach(() => {
    entities = structuredClone(catalogEntities);
    register.down = false;
    unreadable.clear();
    register.activities = new Map([['stats', activity('stats')]]);
    events.length = 0;
  });

  let n = 0;
  /** A pending request by a fresh requester. */
  async function pending(
    extra: object = {},
    requester = `user:default/consumer-${(n += 1)}`,
  ): Promise<string> {
    const res = await http
      .post('/api/data-products/requests')
      .set(as.user(requester))
      .send({
        ...requestBody(),
        legalBasis: { registerId: 'mutable', activityId: 'stats' },
        ...extra,
      });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const bulk = (who: string, decisions: object[]) =>
    http
      .post('/api/data-products/requests/decisions')
      .set(as.user(who))
      .send({ decisions });

  it('decides 30 requests on 3 ports with one catalog read per product and one permission call', async () => {
    const ids = [];
    for (let i = 0; i < 10; i += 1) {
      ids.push(await pending());
      ids.push(
        await pending({ outputPort: 'counts_v1', legalBasis: undefined }),
      );
      ids.push(await pending(sickLeave));
    }
    catalog.getEntityByRef.mockClear();
    permissions.authorize.mockClear();
    permissions.authorizeConditional.mockClear();

    const res = await bulk(
      OLAV,
      ids.map(id => ({ id, action: 'reject', reason: 'Not now' })),
    );

    expect(res.status).toBe(200);
    expect(res.body.results.filter((r: any) => r.ok)).toHaveLength(
      // counts_v1 is approved automatically, so it cannot be rejected.
      ids.length - 10,
    );
    const products = new Set(
      catalog.getEntityByRef.mock.calls.map(([ref]) => String(ref)),
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(products.size);
    // Read and decide, asked once for the batch; no call per request.
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it("applies the policy's conditions to each request of a batch: unreadable is 404, undecidable 403", async () => {
    const [readable, decidable, hidden] = ['r', 'd', 'h'].map(
      who => `user:default/conditional-${who}-${(n += 1)}`,
    );
    const ids = [await pending({}, readable), await pending({}, decidable)];
    ids.push(await pending({}, hidden));
    const requesterIs = (claims: string[]) => ({
      rule: 'IS_REQUESTER',
      resourceType: 'access-request',
      params: { claims },
    });
    const conditional = (conditions: object) => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'data-products',
      resourceType: 'access-request',
      conditions,
    });
    permissions.authorizeConditional.mockImplementationOnce(async () => [
      conditional({
        anyOf: [requesterIs([readable]), requesterIs([decidable])],
      }) as any,
      // The deciders the rule sees are the product's owners, from the catalog.
      conditional({
        allOf: [
          requesterIs([decidable]),
          {
            rule: 'IS_DATA_PRODUCT_OWNER',
            resourceType: 'access-request',
            params: { claims: [TEAM_BENEFITS] },
          },
        ],
      }) as any,
    ]);

    const res = await bulk(
      OLAV,
      ids.map(id => ({ id, action: 'reject', reason: 'Not now' })),
    );

    expect(res.body.results.map((r: any) => r.status ?? 200)).toEqual([
      403, 200, 404,
    ]);
    expect(res.body.results[2].error).toBe(`No access request ${ids[2]}`);
  });

  it('answers every item of a bulk call, even when one fails unexpectedly, and keeps what was decided', async () => {
    const first = await pending();
    const middle = await pending(sickLeave);
    const last = await pending();
    unreadable.add('dataproduct:default/sick-leave');
    const res = await bulk(OLAV, [
      { id: first, action: 'approve' },
      { id: middle, action: 'approve' },
      { id: last, action: 'approve' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.ok, r.status])).toEqual([
      [true, undefined],
      [false, 500],
      [true, undefined],
    ]);
    // No internals in the answer; the detail is in the log.
    expect(res.body.results[1].error).not.toMatch(/exploded/);
    for (const id of [first, last]) {
      const read = await http
        .get(`/api/data-products/requests/${id}`)
        .set(as.user(OLAV));
      expect(read.body.status).toBe('approved');
    }
  });

  it('logs decisions as medium-severity auditor events', async () => {
    const id = await pending();
    await http
      .post(`/api/data-products/requests/${id}/approve`)
      .set(as.user(OLAV))
      .send({});
    await http
      .post(`/api/data-products/requests/${id}/revoke`)
      .set(as.user(OLAV))
      .send({ reason: 'Project ended' });
    const severities = Object.fromEntries(
      events.map(e => [e.eventId, e.severityLevel]),
    );
    expect(severities).toEqual({
      'access-request-create': 'medium',
      'access-request-approve': 'medium',
      'access-request-revoke': 'medium',
    });
  });

  it('will not approve once the processing activity is withdrawn, and decides nothing while the register is down', async () => {
    const withdrawn = await pending();
    register.activities.set('stats', {
      ...activity('stats'),
      status: 'IN_PROGRESS',
    });
    const refused = await http
      .post(`/api/data-products/requests/${withdrawn}/approve`)
      .set(as.user(OLAV))
      .send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /legal basis no longer holds.*not in force/,
    );

    register.activities = new Map([['stats', activity('stats')]]);
    const waiting = await pending();
    register.down = true;
    const down = await http
      .post(`/api/data-products/requests/${waiting}/approve`)
      .set(as.user(OLAV))
      .send({});
    expect(down.status).toBe(503);
    const read = await http
      .get(`/api/data-products/requests/${waiting}`)
      .set(as.user(OLAV));
    expect(read.body.status).toBe('pending');
    // Rejecting needs no legal basis: it still works.
    const rejected = await http
      .post(`/api/data-products/requests/${waiting}/reject`)
      .set(as.user(OLAV))
      .send({ reason: 'Not while the register is down' });
    expect(rejected.status).toBe(200);
  });

  it('refuses a decider who belongs to the group the access is for, also in bulk', async () => {
    // Bo owns the product and is in team-analytics; Ada asks for the team.
    const id = await pending(
      { subjectRef: 'group:default/team-analytics' },
      ADA,
    );
    const single = await http
      .post(`/api/data-products/requests/${id}/approve`)
      .set(as.user(BO))
      .send({});
    expect(single.status).toBe(403);
    expect(single.body.error.message).toMatch(/a group you belong to/);
    const many = await bulk(BO, [{ id, action: 'approve' }]);
    expect(many.body.results[0]).toMatchObject({ ok: false, status: 403 });
    const queue = await http
      .get('/api/data-products/requests?role=approver&status=pending&limit=100')
      .set(as.user(BO));
    expect(queue.body.items.map((r: any) => r.id)).not.toContain(id);
    const olav = await bulk(OLAV, [
      { id, action: 'reject', reason: 'Ask per person' },
    ]);
    expect(olav.body.results[0].ok).toBe(true);
  });

  it('lets a new owner see and decide open requests, and stops showing them to the former owner', async () => {
    const id = await pending();
    const queueOf = async (who: string) =>
      (
        await http
          .get(
            '/api/data-products/requests?role=approver&status=pending&limit=100',
          )
          .set(as.user(who))
      ).body.items.map((r: any) => r.id);
    expect(await queueOf(OLAV)).toContain(id);

    // The product moves from team-benefits to Eve's team.
    for (const entity of entities) {
      if (entity.metadata.name === 'benefit-decisions') {
        entity.relations = [
          { type: 'ownedBy', targetRef: 'group:default/team-other' },
        ];
      }
    }
    // Eve decides straight away: the decision reads the current owners.
    const approved = await http
      .post(`/api/data-products/requests/${id}/approve`)
      .set(as.user(EVE))
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body.decidersAtDecision).toEqual([
      'group:default/team-other',
    ]);

    // And a request made before the move waits in her queue, not in Olav's.
    entities = structuredClone(catalogEntities);
    const older = await pending();
    for (const entity of entities) {
      if (entity.metadata.name === 'benefit-decisions') {
        entity.relations = [
          { type: 'ownedBy', targetRef: 'group:default/team-other' },
        ];
      }
    }
    expect(await queueOf(OLAV)).toContain(older);
    expect(await queueOf(EVE)).not.toContain(older);
    // The scheduled refresh, run here by hand.
    await refreshDeciders(
      new AccessRequestStore(knex),
      new DataProductCatalog(catalog, mockServices.auth()),
    );
    expect(await queueOf(EVE)).toContain(older);
    expect(await queueOf(OLAV)).not.toContain(older);
  });
});
