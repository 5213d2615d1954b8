import { isCreatePermission } from '@backstage/plugin-permission-common';
import {
  governanceOpinionCreatePermission,
  governancePermissions,
  governancePolicyCheckReadPermission,
  governanceProblemManagePermission,
} from './permissions';

describe('governance permissions', () => {
  it('are basic permissions with the names adopters write policies for', () => {
    expect(governancePermissions.map(p => [p.name, p.type])).toEqual([
      ['governance.opinion.create', 'basic'],
      ['governance.policy-check.read', 'basic'],
      ['governance.problem.create', 'basic'],
      ['governance.problem.manage', 'basic'],
    ]);
    expect(isCreatePermission(governanceOpinionCreatePermission)).toBe(true);
    expect(governancePolicyCheckReadPermission.attributes.action).toBe('read');
    expect(governanceProblemManagePermission.attributes.action).toBe('update');
  });
});
