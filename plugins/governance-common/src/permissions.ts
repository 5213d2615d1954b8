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
 * Every permission of the governance plugin, for `permissionsRegistry` and policies.
 * @public
 */
export const governancePermissions = [
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
];
