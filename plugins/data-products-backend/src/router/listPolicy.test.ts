import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { accessRequestReadPermission } from '@datamesh-governance/plugin-data-products-common';
import {
  accessRequestConditions,
  createAccessRequestConditionalDecision,
} from '@datamesh-governance/plugin-data-products-node';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  EVE,
  newRequest,
  OLAV,
  TEAM_BENEFITS,
} from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { AccessRequestStore } from '../database/AccessRequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** The read permission's decision, as a policy would give it. */
const conditional = (
  conditions: Parameters<typeof createAccessRequestConditionalDecision>[1],
) =>
  createAccessRequestConditionalDecision(
    accessRequestReadPermission,
    conditions,
  );

describe.each(databaseIds)('lists under the permission policy on %s', id => {
  let decision: PolicyDecision = { result: AuthorizeResult.ALLOW };
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async requests => requests.map(() => decision),
  });
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let knex: Knex;
  let stop: () => Promise<void>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, id, undefined, {
      features: [permissions.factory],
    });
    ({ http, knex } = started);
    stop = () => started.backend.stop();
    const store = new AccessRequestStore(knex);
    for (const requester of [ADA, EVE]) {
      const { request } = await store.create(
        newRequest({
          requesterRef: requester,
          subjectRef: requester,
          deciders: [TEAM_BENEFITS],
        }),
      );
      ids[requester] = request.id;
    }
  });
  afterAll(() => stop?.());

  /** A list of Olav's (ids), its count and the SELECTs on the viewer rows they took. */
  async function asOlav(query: string) {
    const selects: string[] = [];
    const capture = (statement: { sql: string }) => {
      if (/access_request_viewers/.test(statement.sql))
        selects.push(statement.sql);
    };
    knex.on('query', capture);
    try {
      const list = await http
        .get(`/api/data-products/requests?${query}`)
        .set(as.user(OLAV));
      const count = await http
        .get(`/api/data-products/requests/count?${query}`)
        .set(as.user(OLAV));
      expect(list.status).toBe(200);
      expect(count.status).toBe(200);
      return {
        ids: list.body.items.map((r: { id: string }) => r.id).sort(),
        count: count.body.count,
        selects: selects.length,
      };
    } finally {
      knex.removeListener('query', capture);
    }
  }

  const queue = () => asOlav('role=approver&status=pending');
  // One product's list reads his rows in every role.
  const product = () =>
    asOlav(`entityRef=${encodeURIComponent(newRequest().entityRef)}`);

  it('reads the page once when the policy allows or its conditions hold for every row read', async () => {
    const everyone = [ids[ADA], ids[EVE]].sort();
    const claims = [OLAV, TEAM_BENEFITS];

    decision = { result: AuthorizeResult.ALLOW };
    expect(await queue()).toEqual({ ids: everyone, count: 2, selects: 2 });

    // The example policy's conditions: a decider's own rows meet them.
    decision = conditional(accessRequestConditions.isInvolved({ claims }));
    expect(await queue()).toEqual({ ids: everyone, count: 2, selects: 2 });
    expect(await product()).toEqual({ ids: everyone, count: 2, selects: 2 });

    // The same, as a policy might write it with the two narrower rules.
    decision = conditional({
      anyOf: [
        accessRequestConditions.isRequester({ claims }),
        accessRequestConditions.isDataProductOwner({ claims }),
      ],
    });
    expect(await queue()).toEqual({ ids: everyone, count: 2, selects: 2 });
  });

  it('reads again with the conditions when they leave rows out', async () => {
    decision = conditional(
      accessRequestConditions.isRequester({ claims: [ADA] }),
    );

    const onlyAda = { ids: [ids[ADA]], count: 1, selects: 4 };
    expect(await queue()).toEqual(onlyAda);
    expect(await product()).toEqual(onlyAda);
  });

  it('shows nothing when the policy denies', async () => {
    decision = { result: AuthorizeResult.DENY };

    const denied = await queue();

    expect(denied.ids).toEqual([]);
    expect(denied.count).toBe(0);
  });
});
