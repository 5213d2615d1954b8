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
  reportReadPermission,
} from '@datamesh-governance/plugin-data-products-common';
import {
  accessRequestConditions,
  createAccessRequestConditionalDecision,
} from '../permissions';

/**
 * What an adopter's policy tells `dataProductsPolicyDecision`.
 * @public
 */
export type DataProductsPolicyOptions = {
  /** Users and groups (full entity refs) who may read the Art. 30 report. */
  privacyOfficers?: string[];
};

// As the en-US locale lowers, without a locale lookup on every check.
const lower = (ref: string) => ref.toLowerCase();

/**
 * The data-products suite's part of a permission policy, to compose into an
 * adopter's own: call it first and return its decision when it has one.
 *
 * - read an access request: its requester, its subject (or a member of the
 *   subject group) and those who decide on it;
 * - decide: only those who decide on it (the data product's owners and the
 *   port's approvers; the plugin itself also refuses the requester and the
 *   subject);
 * - ask for access: any signed-in user;
 * - read the Art. 30 report of who can read which personal data: members
 *   of `privacyOfficers` (full entity refs, e.g.
 *   `group:default/team-privacy`) only.
 *
 * Without a signed-in user everything of ours is denied.
 *
 * @returns the decision, or undefined when the permission is not ours.
 * @public
 */
export function dataProductsPolicyDecision(
  request: PolicyQuery,
  user?: PolicyQueryUser,
  options: DataProductsPolicyOptions = {},
): PolicyDecision | undefined {
  const { permission } = request;
  const ours =
    isPermission(permission, reportReadPermission) ||
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
  if (isPermission(permission, reportReadPermission)) {
    const officers = (options.privacyOfficers ?? []).map(lower);
    const isOfficer = claims.some(ref => officers.includes(lower(ref)));
    return { result: isOfficer ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  if (isPermission(permission, accessRequestReadPermission)) {
    return createAccessRequestConditionalDecision(
      permission,
      accessRequestConditions.isInvolved({ claims }),
    );
  }
  if (isPermission(permission, accessRequestDecidePermission)) {
    return createAccessRequestConditionalDecision(
      permission,
      accessRequestConditions.isDataProductOwner({ claims }),
    );
  }
  return { result: AuthorizeResult.ALLOW };
}
