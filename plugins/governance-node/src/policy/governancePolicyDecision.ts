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
  governancePermissions,
  governanceProblemManagePermission,
} from '@datamesh-governance/plugin-governance-common';

/**
 * What an adopter's policy tells `governancePolicyDecision`.
 * @public
 */
export type GovernancePolicyOptions = {
  /**
   * The forum that decides the ground rules (a full entity ref, e.g.
   * `group:default/governance-forum`, as `governance.forum.group` names it).
   * Without one, nobody may link or close raised problems.
   */
  forumGroup?: string;
};

// As the en-US locale lowers, without a locale lookup on every check.
const lower = (ref: string) => ref.toLowerCase();

/**
 * The governance plugin's part of a permission policy, to compose into an
 * adopter's own: call it and return its decision when it has one.
 *
 * - record an opinion on a proposed ADR: any signed-in user;
 * - read policy checks: any signed-in user (the checks only ever cover the
 *   entities the caller may read in the catalog);
 * - raise and support problems: any signed-in user;
 * - link a problem to an ADR, or close it: members of the forum group
 *   (`options.forumGroup`), going by the user's ownership refs.
 *
 * Without a signed-in user everything of ours is denied.
 *
 * @returns the decision, or undefined when the permission is not ours.
 * @public
 */
export function governancePolicyDecision(
  request: PolicyQuery,
  user?: PolicyQueryUser,
  options: GovernancePolicyOptions = {},
): PolicyDecision | undefined {
  const ours = governancePermissions.some(permission =>
    isPermission(request.permission, permission),
  );
  if (!ours) {
    return undefined;
  }
  if (!user) {
    return { result: AuthorizeResult.DENY };
  }
  if (isPermission(request.permission, governanceProblemManagePermission)) {
    const forum = options.forumGroup && lower(options.forumGroup);
    const member = user.info.ownershipEntityRefs.some(
      ref => lower(ref) === forum,
    );
    return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
}
