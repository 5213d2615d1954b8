import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { adrFile, memoryAdrs } from '../__testUtils__/memoryAdrs';
import { NotificationRecorder } from '../__testUtils__/notificationRecorder';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { PolicyFailureStore } from '../database/PolicyFailureStore';
import { builtInPolicyChecks } from './builtin';
import { PolicyEvaluator } from './PolicyEvaluator';
import { sweepPolicyFailures } from './sweepPolicyFailures';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TEAM_A = 'group:default/team-a';
const OWNER_LIFECYCLE = 'owner-and-lifecycle';

function product(
  name: string,
  spec: Record<string, unknown>,
  owner = TEAM_A,
): Entity {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: { name, namespace: 'default', title: `Product ${name}` },
    spec: { type: 'source-aligned', owner, ...spec },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

/** Accepted: every product has an owner and a lifecycle. Proposed: freshness SLAs. */
function forum(ownerRuleStatus = 'accepted') {
  return memoryAdrs([
    {
      id: 'decisions',
      trust: 'forum',
      files: [
        adrFile(
          '0007-owner.md',
          { status: ownerRuleStatus, policies: [OWNER_LIFECYCLE] },
          'Every data product has an owner and a lifecycle',
        ),
        adrFile(
          '0008-freshness.md',
          { status: 'proposed', policies: ['freshness-sla'] },
          'Data products publish a freshness SLA',
        ),
      ],
    },
  ]).adrs;
}

const port = { name: 'events', type: 'topic', classification: 'internal' };

describe.each(databaseIds)('the policy sweep on %s', databaseId => {
  let knex: Knex;
  let store: PolicyFailureStore;
  let recorder: NotificationRecorder;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new PolicyFailureStore(knex);
    recorder = new NotificationRecorder();
  });

  function sweep(
    entities: Entity[],
    now: number,
    options: { adrStatus?: string; notify?: boolean } = {},
  ) {
    const policies = new PolicyEvaluator(
      builtInPolicyChecks,
      forum(options.adrStatus),
      catalogServiceMock({ entities }),
      store,
    );
    return sweepPolicyFailures({
      policies,
      store,
      catalog: catalogServiceMock({ entities }),
      credentials: mockCredentials.service(),
      ...(options.notify !== false && { notifications: recorder }),
      logger: mockServices.logger.mock(),
      now: () => now,
      pageSize: 2,
    });
  }

  const failingSince = async (name: string) =>
    (await store.failingSince(`dataproduct:default/${name}`)).get(
      OWNER_LIFECYCLE,
    );

  it('keeps since when a product fails an enforced policy, tells its owners once, and starts afresh after a pass', async () => {
    const broken = product('broken', { outputPorts: [port] });
    const fixed = product('broken', {
      lifecycle: 'active',
      outputPorts: [port],
    });
    const others = [
      product('fine', { lifecycle: 'active', outputPorts: [port] }),
      product('personal', { lifecycle: 'active' }, 'user:default/olav.owner'),
      product('fine-too', { lifecycle: 'retired' }),
    ];

    expect(await sweep([broken, ...others], 1_000)).toEqual({
      products: 4,
      failing: 2,
      told: 2,
    });
    expect(await sweep([broken, ...others], 2_000)).toMatchObject({ told: 0 });
    expect(await failingSince('broken')).toBe(1_000);
    expect(await failingSince('personal')).toBe(1_000);
    expect(await failingSince('fine')).toBeUndefined();

    // The proposed freshness policy fails on every port, but is not enforced.
    expect(recorder.sent.map(n => n.payload.title).sort()).toEqual([
      'Product broken fails "Every data product has an owning team and a lifecycle"',
      'Product personal fails "Every data product has an owning team and a lifecycle"',
    ]);
    const toBroken = recorder.sent.find(n =>
      n.payload.title.startsWith('Product broken'),
    )!;
    expect(toBroken).toEqual({
      recipients: { type: 'entity', entityRef: [TEAM_A] },
      payload: {
        title:
          'Product broken fails "Every data product has an owning team and a lifecycle"',
        description:
          'To fix: set spec.lifecycle to one of proposed, active, deprecated, retired. The forum enforces this policy since "Every data product has an owner and a lifecycle" was accepted.',
        link: '/catalog/default/dataproduct/broken/governance',
        topic: 'governance:policy-failing',
        scope: 'owner-and-lifecycle:dataproduct:default/broken:failing',
        severity: 'high',
      },
    });
    expect(
      recorder.sent.find(n => n.payload.title.startsWith('Product personal'))
        ?.recipients,
    ).toEqual({ type: 'entity', entityRef: ['user:default/olav.owner'] });

    // Fixed: the failure goes. Broken again: a new failure, told again.
    await sweep([fixed, ...others], 3_000);
    expect(await failingSince('broken')).toBeUndefined();
    expect(await failingSince('personal')).toBe(1_000);
    await sweep([broken, ...others], 4_000);
    expect(await failingSince('broken')).toBe(4_000);
    expect(recorder.sent).toHaveLength(3);
  });

  it('tells the owners once when two replicas sweep at the same time', async () => {
    const entities = [
      product('a', {}),
      product('b', {}),
      product('c', { lifecycle: 'active' }),
    ];
    const results = await Promise.all([
      sweep(entities, 1_000),
      sweep(entities, 1_000),
    ]);
    expect(results[0].told + results[1].told).toBe(2);
    expect(recorder.sent.map(n => n.payload.link).sort()).toEqual([
      '/catalog/default/dataproduct/a/governance',
      '/catalog/default/dataproduct/b/governance',
    ]);
  });

  it('tries again on the next sweep when sending failed', async () => {
    recorder.failNext();
    expect(await sweep([product('a', {})], 1_000)).toMatchObject({ told: 0 });
    expect(await sweep([product('a', {})], 2_000)).toMatchObject({ told: 1 });
    expect(await failingSince('a')).toBe(1_000);
  });

  it('forgets failures of products that left the catalog and of policies no longer enforced', async () => {
    await sweep([product('a', {}), product('b', {})], 1_000, { notify: false });
    expect(recorder.sent).toEqual([]);
    await sweep([product('b', {})], 2_000, { notify: false });
    expect(await failingSince('a')).toBeUndefined();
    expect(await failingSince('b')).toBe(1_000);
    await sweep([product('b', {})], 3_000, { adrStatus: 'superseded' });
    expect(await failingSince('b')).toBeUndefined();
    expect(recorder.sent).toEqual([]);
  });
});
