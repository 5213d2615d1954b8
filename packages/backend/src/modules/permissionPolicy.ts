import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { dataProductsPolicyDecision } from '@datamesh-governance/plugin-data-products-node';
import { governancePolicyDecision } from '@datamesh-governance/plugin-governance-node';
import {
  isAdmin,
  readAdmins,
  readForumGroup,
  readPrivacyOfficers,
} from './policy/admins';
import { catalogDecision } from './policy/catalogDecision';
import { scaffolderDecision } from './policy/scaffolderDecision';

/**
 * The portal's policy, usable as is:
 * - access requests: the data-products suite's rules
 *   (`dataProductsPolicyDecision`); its Art. 30 report for the groups in
 *   `permission.privacyOfficers`;
 * - opinions, policy checks and raised problems: the governance plugin's
 *   rules (`governancePolicyDecision`); linking and closing problems for
 *   members of `governance.forum.group`;
 * - catalog writes: admins (`permission.admins`), and for deleting or
 *   refreshing an entity its owners;
 * - scaffolder: signed-in users, their own tasks; the editor for admins;
 * - anything else: reads for everyone, other actions for signed-in users.
 */
export class DataMeshPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config) {
    return new DataMeshPermissionPolicy(
      readAdmins(config),
      readPrivacyOfficers(config),
      readForumGroup(config),
    );
  }

  constructor(
    private readonly admins: string[],
    private readonly privacyOfficers: string[] = [],
    private readonly forumGroup?: string,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const admin = isAdmin(this.admins, user);
    const decision =
      dataProductsPolicyDecision(request, user, {
        privacyOfficers: this.privacyOfficers,
      }) ??
      governancePolicyDecision(request, user, {
        forumGroup: this.forumGroup,
      }) ??
      catalogDecision(permission, user, admin) ??
      scaffolderDecision(permission, user, admin);
    if (decision) {
      return decision;
    }
    if (permission.attributes.action === 'read' || user) {
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.DENY };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'datamesh-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        policy.setPolicy(DataMeshPermissionPolicy.fromConfig(config));
      },
    });
  },
});
