import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  accessRequestCreatePermission,
  accessRequestDecidePermission,
  accessRequestReadPermission,
  reportReadPermission,
} from '@datamesh-governance/plugin-data-products-common';

// As policy authors name them (the governance plugin registers these).
const governanceProblemCreatePermission = createPermission({
  name: 'governance.problem.create',
  attributes: { action: 'create' },
});
const governanceProblemManagePermission = createPermission({
  name: 'governance.problem.manage',
  attributes: { action: 'update' },
});
import { loadConfigFiles } from '../__testUtils__/loadConfigFiles';
import { DataMeshPermissionPolicy } from './permissionPolicy';

function signedIn(name: string, groups: string[]): PolicyQueryUser {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
    info: {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...groups.map(g => `group:default/${g}`),
      ],
    },
  };
}

// The demo organisation (examples/org.yaml).
const principals = {
  anonymous: undefined,
  ada: signedIn('ada.analyst', ['team-analytics']),
  olav: signedIn('olav.owner', ['team-benefits']),
  pia: signedIn('pia.platform', ['team-platform', 'portal-admins']),
};
type Principal = keyof typeof principals;

/** A data product of Team Benefits, with the relation the catalog emits. */
const benefitDecisions: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'benefit-decisions', namespace: 'default' },
  spec: { owner: 'group:team-benefits' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-benefits' }],
};

// The catalog's own rules, to evaluate its conditional decisions.
const authorizeEntity = createConditionAuthorizer<Entity>({
  getRuleByName: name => {
    const rule = Object.values(permissionRules).find(r => r.name === name);
    if (!rule) throw new Error(`no catalog rule ${name}`);
    return rule as any;
  },
});

let policy: DataMeshPermissionPolicy;
beforeAll(async () => {
  // The demo config: app-config.yaml names the admin group.
  policy = DataMeshPermissionPolicy.fromConfig(
    new ConfigReader(await loadConfigFiles('app-config.yaml')),
  );
});

async function decide(permission: Permission, who: Principal) {
  return policy.handle({ permission }, principals[who]);
}

/** Allowed outright, or (conditionally) on Team Benefits' data product. */
async function allowed(permission: Permission, who: Principal) {
  const decision: PolicyDecision = await decide(permission, who);
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    expect(decision.resourceType).toBe('catalog-entity');
    return authorizeEntity(decision, benefitDecisions);
  }
  return decision.result === AuthorizeResult.ALLOW;
}

async function perPrincipal(
  outcome: (who: Principal) => Promise<boolean>,
): Promise<Record<Principal, boolean>> {
  const all = Object.keys(principals) as Principal[];
  const outcomes = await Promise.all(all.map(outcome));
  return Object.fromEntries(all.map((who, i) => [who, outcomes[i]])) as Record<
    Principal,
    boolean
  >;
}

describe('DataMeshPermissionPolicy', () => {
  it.each<[string, Permission, Record<Principal, boolean>]>([
    [
      'reads the catalog',
      catalogEntityReadPermission,
      { anonymous: true, ada: true, olav: true, pia: true },
    ],
    [
      'reads locations',
      catalogLocationReadPermission,
      { anonymous: true, ada: true, olav: true, pia: true },
    ],
    [
      'validates entities',
      catalogEntityValidatePermission,
      { anonymous: false, ada: true, olav: true, pia: true },
    ],
    [
      'registers a location',
      catalogLocationCreatePermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
    [
      'removes a location',
      catalogLocationDeletePermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
    [
      'analyses a location',
      catalogLocationAnalyzePermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
    [
      'creates an entity',
      catalogEntityCreatePermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
    [
      "deletes Team Benefits' data product",
      catalogEntityDeletePermission,
      { anonymous: false, ada: false, olav: true, pia: true },
    ],
    [
      "refreshes Team Benefits' data product",
      catalogEntityRefreshPermission,
      { anonymous: false, ada: false, olav: true, pia: true },
    ],
  ])('%s: allowed per principal', async (_what, permission, expected) => {
    expect(await perPrincipal(who => allowed(permission, who))).toEqual(
      expected,
    );
  });

  it.each<[string, Permission, Record<Principal, boolean>]>([
    [
      'runs a template',
      taskCreatePermission,
      { anonymous: false, ada: true, olav: true, pia: true },
    ],
    [
      'runs an action',
      actionExecutePermission,
      { anonymous: false, ada: true, olav: true, pia: true },
    ],
    [
      "reads a template's parameters",
      templateParameterReadPermission,
      { anonymous: false, ada: true, olav: true, pia: true },
    ],
    [
      'uses the template editor',
      templateManagementPermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
    [
      'dry-runs a template',
      templateDryRunPermission,
      { anonymous: false, ada: false, olav: false, pia: true },
    ],
  ])(
    'scaffolder, %s: allowed per principal',
    async (_what, permission, expected) => {
      for (const who of Object.keys(expected) as Principal[]) {
        const decision = await decide(permission, who);
        expect(decision.result === AuthorizeResult.ALLOW).toBe(expected[who]);
      }
    },
  );

  it.each([taskReadPermission, taskCancelPermission])(
    "scaffolder tasks ($name): one's own for users, all for admins, none for anonymous",
    async permission => {
      expect(await decide(permission, 'ada')).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          params: { createdBy: ['user:default/ada.analyst'] },
        },
      });
      expect(await decide(permission, 'pia')).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await decide(permission, 'anonymous')).toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );

  it("applies the data-products suite's rules to access requests", async () => {
    expect(await decide(accessRequestReadPermission, 'ada')).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'data-products',
      conditions: {
        rule: 'IS_INVOLVED',
        params: {
          claims: ['user:default/ada.analyst', 'group:default/team-analytics'],
        },
      },
    });
    expect(await decide(accessRequestDecidePermission, 'olav')).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_DATA_PRODUCT_OWNER',
        params: {
          claims: ['user:default/olav.owner', 'group:default/team-benefits'],
        },
      },
    });
    expect(await decide(accessRequestCreatePermission, 'ada')).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await decide(accessRequestCreatePermission, 'anonymous')).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('reads permission.admins as group names or refs, any case', async () => {
    const byName = DataMeshPermissionPolicy.fromConfig(
      new ConfigReader({ permission: { admins: ['Portal-Admins'] } }),
    );
    const none = DataMeshPermissionPolicy.fromConfig(new ConfigReader({}));
    const query = { permission: catalogLocationCreatePermission };
    expect(await byName.handle(query, principals.pia)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await none.handle(query, principals.pia)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets permission.privacyOfficers, and only them, read the Art. 30 report', async () => {
    const withOfficers = DataMeshPermissionPolicy.fromConfig(
      new ConfigReader({ permission: { privacyOfficers: ['team-privacy'] } }),
    );
    const query = { permission: reportReadPermission };
    const leo = signedIn('leo.legal', ['team-privacy']);
    expect(await withOfficers.handle(query, leo)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    for (const other of ['ada', 'pia', 'anonymous'] as const) {
      expect(await withOfficers.handle(query, principals[other])).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('lets the forum group of governance.forum.group, and only it, link and close problems', async () => {
    // The demo config (see beforeAll) names group:default/governance-forum.
    const leo = signedIn('leo.legal', ['team-legal', 'governance-forum']);
    const manage = { permission: governanceProblemManagePermission };
    expect(await policy.handle(manage, leo)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    for (const other of ['ada', 'olav', 'pia', 'anonymous'] as const) {
      expect([other, await policy.handle(manage, principals[other])]).toEqual([
        other,
        { result: AuthorizeResult.DENY },
      ]);
    }
    const raise = { permission: governanceProblemCreatePermission };
    expect(await policy.handle(raise, principals.ada)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await policy.handle(raise, principals.anonymous)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
