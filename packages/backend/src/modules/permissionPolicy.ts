import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  accessRequestConditions,
  createAccessRequestConditionalDecision,
} from '@datamesh-governance/plugin-data-products-backend';
import {
  accessRequestDecidePermission,
  accessRequestReadPermission,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * An example policy: people read the access requests they made or that
 * concern their data products, and only owners decide. Everything else is
 * allowed, as in Backstage's allow-all policy.
 */
export class DataMeshPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (isPermission(request.permission, accessRequestReadPermission)) {
      return createAccessRequestConditionalDecision(request.permission, {
        anyOf: [
          accessRequestConditions.isRequester({ claims }),
          accessRequestConditions.isDataProductOwner({ claims }),
        ],
      });
    }
    if (isPermission(request.permission, accessRequestDecidePermission)) {
      return createAccessRequestConditionalDecision(
        request.permission,
        accessRequestConditions.isDataProductOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'datamesh-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DataMeshPermissionPolicy());
      },
    });
  },
});
