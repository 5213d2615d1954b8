import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
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
];

describe('governancePolicyDecision', () => {
  it('lets signed-in users record opinions and read checks', () => {
    for (const permission of ours) {
      expect(governancePolicyDecision({ permission }, leo)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('denies both without a signed-in user', () => {
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
