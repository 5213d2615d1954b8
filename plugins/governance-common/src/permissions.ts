import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recording (or changing) one's own opinion on a proposed ADR.
 * @public
 */
export const governanceOpinionCreatePermission = createPermission({
  name: 'governance.opinion.create',
  attributes: { action: 'create' },
});

/**
 * Reading policy checks: compliance per policy, and one entity's checks.
 * The results only ever cover the entities the caller may read in the catalog.
 * @public
 */
export const governancePolicyCheckReadPermission = createPermission({
  name: 'governance.policy-check.read',
  attributes: { action: 'read' },
});

/**
 * Raising a problem a ground rule might solve, and supporting (or no longer
 * supporting) someone's problem. Meant for every signed-in user.
 * @public
 */
export const governanceProblemCreatePermission = createPermission({
  name: 'governance.problem.create',
  attributes: { action: 'create' },
});

/**
 * Linking a raised problem to the ADR that answers it, and closing it: the
 * forum's work (`governance.forum.group` in the portal's policy).
 * @public
 */
export const governanceProblemManagePermission = createPermission({
  name: 'governance.problem.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the governance plugin, for `permissionsRegistry` and policies.
 * @public
 */
export const governancePermissions = [
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
  governanceProblemCreatePermission,
  governanceProblemManagePermission,
];
