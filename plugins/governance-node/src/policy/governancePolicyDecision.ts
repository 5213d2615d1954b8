import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { governancePermissions } from '@datamesh-governance/plugin-governance-common';

/**
 * The governance plugin's part of a permission policy, to compose into an
 * adopter's own: call it and return its decision when it has one.
 *
 * - record an opinion on a proposed ADR: any signed-in user;
 * - read policy checks: any signed-in user (the checks only ever cover the
 *   entities the caller may read in the catalog).
 *
 * Without a signed-in user everything of ours is denied.
 *
 * @returns the decision, or undefined when the permission is not ours.
 * @public
 */
export function governancePolicyDecision(
  request: PolicyQuery,
  user?: PolicyQueryUser,
): PolicyDecision | undefined {
  const ours = governancePermissions.some(permission =>
    isPermission(request.permission, permission),
  );
  if (!ours) {
    return undefined;
  }
  return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
}
