import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  accessRequestCreatePermission,
  accessRequestDecidePermission,
  accessRequestReadPermission,
  reportReadPermission,
} from '@datamesh-governance/plugin-data-products-common';
import {
  AccessRequestResource,
  accessRequestRules,
} from '../permissions/rules';
import { dataProductsPolicyDecision } from './dataProductsPolicyDecision';

const ADA = 'user:default/ada.analyst';
const OLAV = 'user:default/olav.owner';
const BO = 'user:default/bo.business';
const ANALYTICS = 'group:default/team-analytics';
const BENEFITS = 'group:default/team-benefits';

function signedIn(userEntityRef: string, groups: string[]): PolicyQueryUser {
  return {
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
  };
}
const ada = signedIn(ADA, [ANALYTICS]);
const olav = signedIn(OLAV, [BENEFITS]);

function accessRequest(
  requesterRef: string,
  subjectRef: string,
): AccessRequestResource {
  return {
    id: `${requesterRef}-${subjectRef}`,
    entityRef: 'dataproduct:default/benefit-decisions',
    outputPort: 'decisions_v1',
    requesterRef,
    subjectRef,
    purpose: 'Statistics',
    approvalMode: 'required',
    status: 'pending',
    endsAt: '2030-01-01T00:00:00.000Z',
    createdAt: '2029-01-01T00:00:00.000Z',
    updatedAt: '2029-01-01T00:00:00.000Z',
    deciderRefs: [BENEFITS],
  };
}
const adasOwn = accessRequest(ADA, ADA);
const bosForAnalytics = accessRequest(BO, ANALYTICS);
const bosForHimself = accessRequest(BO, BO);

// The rules as the data-products plugin registers them.
const authorize = createConditionAuthorizer<AccessRequestResource>({
  getRuleByName: name => {
    const rule = accessRequestRules.find(r => r.name === name);
    if (!rule) throw new Error(`no rule ${name}`);
    return rule as any;
  },
});

function may(
  permission: Permission,
  user: PolicyQueryUser | undefined,
  resource: AccessRequestResource,
) {
  const decision = dataProductsPolicyDecision({ permission }, user);
  if (!decision) throw new Error(`${permission.name} is not ours`);
  return authorize(decision, resource);
}

describe('dataProductsPolicyDecision', () => {
  it('lets the requester, the subject and the deciders read a request, and nobody else', () => {
    expect(may(accessRequestReadPermission, ada, adasOwn)).toBe(true);
    expect(may(accessRequestReadPermission, olav, adasOwn)).toBe(true);
    // Ada belongs to the subject group.
    expect(may(accessRequestReadPermission, ada, bosForAnalytics)).toBe(true);
    expect(may(accessRequestReadPermission, ada, bosForHimself)).toBe(false);
  });

  it('lets only the deciders decide', () => {
    expect(may(accessRequestDecidePermission, olav, adasOwn)).toBe(true);
    expect(may(accessRequestDecidePermission, ada, adasOwn)).toBe(false);
    expect(may(accessRequestDecidePermission, ada, bosForAnalytics)).toBe(
      false,
    );
  });

  it('lets any signed-in user ask for access', () => {
    expect(
      dataProductsPolicyDecision(
        { permission: accessRequestCreatePermission },
        ada,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies everything of ours without a signed-in user', () => {
    for (const permission of [
      accessRequestReadPermission,
      accessRequestDecidePermission,
      accessRequestCreatePermission,
    ]) {
      expect(dataProductsPolicyDecision({ permission })).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('lets only members of the privacy officers read the Art. 30 report', () => {
    const leo = signedIn('user:default/leo.legal', [
      'group:default/team-privacy',
    ]);
    const options = { privacyOfficers: ['group:default/Team-Privacy'] };
    const decide = (user?: PolicyQueryUser) =>
      dataProductsPolicyDecision(
        { permission: reportReadPermission },
        user,
        options,
      );
    expect(decide(leo)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(decide(olav)).toEqual({ result: AuthorizeResult.DENY });
    expect(decide(undefined)).toEqual({ result: AuthorizeResult.DENY });
    // Without configured officers nobody reads it.
    expect(
      dataProductsPolicyDecision({ permission: reportReadPermission }, leo),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('has no opinion on permissions that are not ours', () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(
      dataProductsPolicyDecision({ permission: catalogRead }, ada),
    ).toBeUndefined();
  });
});
