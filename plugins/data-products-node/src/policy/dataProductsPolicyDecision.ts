import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  accessRequestCreatePermission,
  accessRequestDecidePermission,
  accessRequestReadPermission,
} from '@datamesh-governance/plugin-data-products-common';
import {
  accessRequestConditions,
  createAccessRequestConditionalDecision,
} from '../permissions';

/**
 * The data-products suite's part of a permission policy, to compose into an
 * adopter's own: call it first and return its decision when it has one.
 *
 * - read an access request: its requester, its subject (or a member of the
 *   subject group) and those who decide on it;
 * - decide: only those who decide on it (the data product's owners and the
 *   port's approvers; the plugin itself also refuses the requester and the
 *   subject);
 * - ask for access: any signed-in user.
 *
 * Without a signed-in user everything of ours is denied.
 *
 * @returns the decision, or undefined when the permission is not ours.
 * @public
 */
export function dataProductsPolicyDecision(
  request: PolicyQuery,
  user?: PolicyQueryUser,
): PolicyDecision | undefined {
  const { permission } = request;
  const ours =
    isPermission(permission, accessRequestReadPermission) ||
    isPermission(permission, accessRequestDecidePermission) ||
    isPermission(permission, accessRequestCreatePermission);
  if (!ours) {
    return undefined;
  }
  if (!user) {
    return { result: AuthorizeResult.DENY };
  }
  const claims = user.info.ownershipEntityRefs;
  if (isPermission(permission, accessRequestReadPermission)) {
    return createAccessRequestConditionalDecision(permission, {
      anyOf: [
        accessRequestConditions.isRequester({ claims }),
        accessRequestConditions.isDataProductOwner({ claims }),
      ],
    });
  }
  if (isPermission(permission, accessRequestDecidePermission)) {
    return createAccessRequestConditionalDecision(
      permission,
      accessRequestConditions.isDataProductOwner({ claims }),
    );
  }
  return { result: AuthorizeResult.ALLOW };
}
