import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
  governanceProblemCreatePermission,
  governanceProblemManagePermission,
} from '@datamesh-governance/plugin-governance-common';
import { governancePolicyDecision } from './governancePolicyDecision';

const LEO = 'user:default/leo.legal';
const leo: PolicyQueryUser = {
  credentials: {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: LEO },
  },
  info: { userEntityRef: LEO, ownershipEntityRefs: [LEO] },
};
const ours = [
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
  governanceProblemCreatePermission,
  governanceProblemManagePermission,
];
const FORUM = 'group:default/governance-forum';
function member(name: string, groups: string[]): PolicyQueryUser {
  const ref = `user:default/${name}`;
  return {
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: ref },
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  };
}

describe('governancePolicyDecision', () => {
  it('lets signed-in users record opinions, read checks, raise and support problems', () => {
    for (const permission of ours.slice(0, 3)) {
      expect(governancePolicyDecision({ permission }, leo)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets only members of the forum group link and close problems', () => {
    const decide = (user: PolicyQueryUser, forumGroup?: string) =>
      governancePolicyDecision(
        { permission: governanceProblemManagePermission },
        user,
        { forumGroup },
      )?.result;
    const leoInForum = member('leo.legal', ['Group:Default/Governance-Forum']);
    const ada = member('ada.analyst', ['group:default/team-analytics']);
    expect(decide(leoInForum, FORUM)).toBe(AuthorizeResult.ALLOW);
    expect(decide(ada, FORUM)).toBe(AuthorizeResult.DENY);
    // No forum configured: nobody manages problems.
    expect(decide(leoInForum)).toBe(AuthorizeResult.DENY);
    expect(decide(leo, FORUM)).toBe(AuthorizeResult.DENY);
  });

  it('denies all without a signed-in user', () => {
    for (const permission of ours) {
      expect(governancePolicyDecision({ permission })).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('has no opinion on permissions that are not ours, even of the same shape', () => {
    const lookalike = createPermission({
      name: 'governance.opinion.delete',
      attributes: { action: 'delete' },
    });
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    for (const permission of [lookalike, catalogRead]) {
      expect(governancePolicyDecision({ permission }, leo)).toBeUndefined();
    }
  });
});
