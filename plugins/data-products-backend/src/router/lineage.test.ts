import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  catalogEntities,
  days,
  OLAV,
  requestBody,
  TEAM_BENEFITS,
} from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { eventually } from '../__testUtils__/eventually';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const API = '/api/data-products';
const WORKBENCH = 'component:default/analytics-workbench';
const ANALYTICS = 'group:default/team-analytics';
const DECISIONS = 'dataproduct:default/benefit-decisions';

describe.each(databaseIds)('lineage from grants on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let knex: Knex;
  let stop: () => Promise<void>;
  /** Every ref the plugin asked the catalog to refresh, in order. */
  const refreshed: string[] = [];

  beforeAll(async () => {
    // The fixtures' catalog, noting the refreshes it is asked for.
    const catalog = createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => {
        const client = catalogServiceMock({ entities: catalogEntities });
        client.refreshEntity = async ref => {
          refreshed.push(ref);
        };
        return client;
      },
    });
    const started = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      { catalog },
    );
    http = started.http;
    knex = started.knex;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());
  beforeEach(() => {
    refreshed.length = 0;
  });
  /** The refreshes asked for so far, once there are `count` (decisions refresh after answering). */
  const refreshes = (count: number) =>
    eventually(
      async () => [...refreshed].sort(),
      refs => refs.length >= count,
    );

  const ask = async (subjectRef: string, port = 'decisions_v1') => {
    const res = await http
      .post(`${API}/requests`)
      .set(as.user(ADA))
      .send({ ...requestBody(), subjectRef, outputPort: port });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };
  const decide = async (id: string, action: string, body: object = {}) => {
    const res = await http
      .post(`${API}/requests/${id}/${action}`)
      .set(as.user(OLAV))
      .send(body);
    expect(res.status).toBe(200);
  };
  const lineage = (
    entityRef: string,
    headers: Record<string, string> = as.service(),
  ) =>
    http
      .get(`${API}/lineage?entityRef=${encodeURIComponent(entityRef)}`)
      .set(headers);
  const productsOf = async (entityRef: string) => {
    const res = await lineage(entityRef);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('lists an approved grant to a service, not a pending one, and drops it on revoke', async () => {
    const request = await ask(WORKBENCH);
    expect(await productsOf(WORKBENCH)).toEqual([]);
    expect(refreshed).toEqual([]);

    await decide(request.id, 'approve');
    expect(await productsOf(WORKBENCH)).toEqual([
      { dataProductRef: DECISIONS, subjectRef: WORKBENCH },
    ]);
    expect(await refreshes(2)).toEqual([WORKBENCH, DECISIONS]);

    refreshed.length = 0;
    await decide(request.id, 'revoke', { reason: 'Project ended' });
    expect(await productsOf(WORKBENCH)).toEqual([]);
    expect(await refreshes(2)).toEqual([WORKBENCH, DECISIONS]);
  });

  it('lists a grant to a group once for several ports, and not for the group that decides', async () => {
    const decisions = await ask(ANALYTICS);
    await decide(decisions.id, 'approve');
    await refreshes(2);
    refreshed.length = 0;
    // The public port approves automatically: that is a grant as well.
    const counts = await ask(ANALYTICS, 'counts_v1');
    expect(counts.status).toBe('approved');
    expect(refreshed.sort()).toEqual([DECISIONS, ANALYTICS]);

    expect(await productsOf(ANALYTICS)).toEqual([
      { dataProductRef: DECISIONS, subjectRef: ANALYTICS },
    ]);
    // team-benefits owns the product and decides, but reads nothing.
    expect(await productsOf(TEAM_BENEFITS)).toEqual([]);
  });

  it('drops a grant whose end has passed, before any sweeper runs', async () => {
    const request = await ask(WORKBENCH);
    await decide(request.id, 'approve');
    expect(await productsOf(WORKBENCH)).toHaveLength(1);
    await knex('access_requests')
      .where({ id: request.id })
      .update({ ends_at: days(-1).getTime() });
    await knex('access_request_viewers')
      .where({ request_id: request.id })
      .update({ ends_at: days(-1).getTime() });
    expect(await productsOf(WORKBENCH)).toEqual([]);
  });

  it('asks the catalog for nothing when a user is the subject', async () => {
    const request = await ask(ADA);
    await decide(request.id, 'approve');
    // A grant to a service, decided after it, is the only one refreshed.
    const service = await ask(WORKBENCH);
    await decide(service.id, 'approve');
    expect(await refreshes(2)).toEqual([WORKBENCH, DECISIONS]);
  });

  it('answers service principals only, and only about services and groups', async () => {
    expect((await lineage(WORKBENCH, as.user(ADA))).status).toBe(403);
    expect(
      (
        await lineage(WORKBENCH, {
          Authorization: mockCredentials.none.header(),
        })
      ).status,
    ).toBe(401);

    const user = await lineage(ADA);
    expect(user.status).toBe(400);
    expect(user.body.error.message).toMatch(/components and groups/);
    const product = await lineage(DECISIONS);
    expect(product.status).toBe(400);
    const missing = await http.get(`${API}/lineage`).set(as.service());
    expect(missing.status).toBe(400);
    const malformed = await lineage('component:a/b/c');
    expect(malformed.status).toBe(400);
  });
});
