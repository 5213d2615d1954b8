import { mockCredentials } from '@backstage/backend-test-utils';
import express from 'express';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { BO, memberships, OLAV, requestBody } from '../__testUtils__/fixtures';

const ANALYTICS = 'group:default/team-analytics';
import { startDataProductsBackend } from '../__testUtils__/startBackend';
import { createRouter } from '.';
import { RouterContext } from './context';

jest.setTimeout(60_000);

const databases = createTestDatabases();
/**
 * `memberOwner` owns the product and belongs to the group the request is
 * for: separation of duties keeps them from deciding it.
 */
type Principal =
  | 'nobody'
  | 'requester'
  | 'owner'
  | 'memberOwner'
  | 'other'
  | 'service';
const principals: Principal[] = [
  'nobody',
  'requester',
  'owner',
  'memberOwner',
  'other',
  'service',
];

/** Expected status of every route for every principal. */
const matrix: Record<string, Record<Principal, number>> = {
  // The spec the router is typed and validated from, for anyone signed in.
  'GET /openapi.json': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 200,
  },
  'GET /legal-bases': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 200,
  },
  'GET /legal-bases/:registerId/:activityId': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 200,
  },
  'POST /requests': {
    nobody: 401,
    requester: 201,
    owner: 201,
    memberOwner: 201,
    other: 201,
    service: 403,
  },
  'GET /requests': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  'GET /grants': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  // Aggregates over products, for every signed-in user.
  'GET /metrics': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  // The test backend's permissions allow all; the example policy's
  // privacy officers are tested with the policy.
  'GET /reports/personal-data-access': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  // For the catalog's lineage processor: services only.
  'GET /lineage': {
    nobody: 401,
    requester: 403,
    owner: 403,
    memberOwner: 403,
    other: 403,
    service: 200,
  },
  'GET /requests/:id': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 404,
    service: 403,
  },
  'POST /requests/:id/approve': {
    nobody: 401,
    requester: 403,
    owner: 200,
    memberOwner: 403,
    other: 404,
    service: 403,
  },
  'POST /requests/:id/reject': {
    nobody: 401,
    requester: 403,
    owner: 200,
    memberOwner: 403,
    other: 404,
    service: 403,
  },
  'POST /requests/:id/revoke': {
    nobody: 401,
    requester: 403,
    owner: 200,
    memberOwner: 403,
    other: 404,
    service: 403,
  },
  'POST /requests/:id/cancel': {
    nobody: 401,
    requester: 200,
    owner: 403,
    memberOwner: 403,
    other: 404,
    service: 403,
  },
  'GET /requests/count': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  'POST /requests/decisions': {
    nobody: 401,
    requester: 200,
    owner: 200,
    memberOwner: 200,
    other: 200,
    service: 403,
  },
  // Any decider of the product retries a failed grant; retrying is no decision.
  'POST /requests/:id/provisioning/retry': {
    nobody: 401,
    requester: 403,
    owner: 200,
    memberOwner: 200,
    other: 404,
    service: 403,
  },
};

/** The outcome of the one bulk item, as its own status. */
const decisionItemStatus: Record<Principal, number | undefined> = {
  nobody: undefined,
  service: undefined,
  requester: 403,
  owner: 200,
  memberOwner: 403,
  other: 404,
};

/** Every "METHOD /path" the router serves, found by walking express's stack. */
function routesOf(router: express.Router): string[] {
  const found: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          found.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as any).stack);
  return found.sort();
}

it('has a row for every route the router serves', () => {
  const router = createRouter({} as RouterContext);
  expect(routesOf(router)).toEqual(Object.keys(matrix).sort());
});

describe.each(databaseIds)('route × principal on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let knex: Awaited<ReturnType<typeof startDataProductsBackend>>['knex'];
  let stop: () => Promise<void>;
  let n = 0;

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, databaseId);
    http = started.http;
    knex = started.knex;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  const body = requestBody;

  /** A fresh requester and a request of theirs in the status the route needs. */
  async function setUp(route: string) {
    n += 1;
    const requester = `user:default/matrix-${n}`;
    memberships[requester] = [requester, ANALYTICS];
    const created = await http
      .post('/api/data-products/requests')
      .set({ Authorization: mockCredentials.user.header(requester) })
      .send({ ...body(), subjectRef: ANALYTICS });
    expect(created.status).toBe(201);
    if (route.endsWith('/revoke') || route.endsWith('/retry')) {
      await http
        .post(`/api/data-products/requests/${created.body.id}/approve`)
        .set({ Authorization: mockCredentials.user.header(OLAV) })
        .send({});
    }
    if (route.endsWith('/retry')) {
      // As the worker leaves a grant after its last failed attempt.
      await knex('access_request_provisioning')
        .where({ request_id: created.body.id })
        .update({ status: 'failed', attempts: 8, last_error: 'matrix' });
    }
    const refs: Record<Principal, string | undefined> = {
      nobody: undefined,
      requester,
      owner: OLAV,
      memberOwner: BO,
      other: `user:default/outsider-${n}`,
      service: undefined,
    };
    return { id: created.body.id as string, refs };
  }

  const cells = Object.entries(matrix).flatMap(([route, row]) =>
    principals.map(p => [route, p, row[p]] as const),
  );

  it.each(cells)('%s as %s → %i', async (route, principal, expected) => {
    const { id, refs } = await setUp(route);
    const [method, path] = route.split(' ');
    const url = `/api/data-products${path
      .replace(':id', id)
      .replace(':registerId', 'demo')
      .replace(':activityId', 'follow-up')}${
      {
        'GET /legal-bases': '?q=B123',
        'GET /lineage': `?entityRef=${ANALYTICS}`,
        'GET /metrics': '?from=2026-01-01&to=2026-04-01',
      }[route] ?? ''
    }`;
    // Without a header the test backend would act as a default user.
    const authorization: Record<Principal, () => string> = {
      nobody: () => mockCredentials.none.header(),
      service: () => mockCredentials.service.header(),
      requester: () => mockCredentials.user.header(refs.requester),
      owner: () => mockCredentials.user.header(refs.owner),
      memberOwner: () => mockCredentials.user.header(refs.memberOwner),
      other: () => mockCredentials.user.header(refs.other),
    };
    const headers = { Authorization: authorization[principal]() };

    const payloads: Record<string, object> = {
      'POST /requests': {
        ...body(),
        outputPort: 'counts_v1',
        legalBasis: undefined,
      },
      'POST /requests/decisions': {
        decisions: [{ id, action: 'reject', reason: 'matrix' }],
      },
    };
    const payload = payloads[route] ?? { reason: 'matrix' };
    const res =
      method === 'GET'
        ? await http.get(url).set(headers)
        : await http.post(url).set(headers).send(payload);
    expect(res.status).toBe(expected);
    // A bulk call succeeds; its item only for a decider who may decide.
    const bulk = route === 'POST /requests/decisions' && expected === 200;
    expect(bulk ? res.body.results[0].status ?? 200 : undefined).toBe(
      bulk ? decisionItemStatus[principal] : undefined,
    );
  });
});
