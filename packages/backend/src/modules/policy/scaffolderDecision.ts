import {
  AuthorizeResult,
  isPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  scaffolderPermissions,
  taskCancelPermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';

/**
 * The scaffolder: signed-in users run templates and see and cancel their own
 * tasks; the template editor (which runs steps in a dry run) and other
 * people's tasks are for admins. Undefined for what is not the scaffolder's.
 */
export function scaffolderDecision(
  permission: Permission,
  user: PolicyQueryUser | undefined,
  admin: boolean,
): PolicyDecision | undefined {
  if (!scaffolderPermissions.some(p => isPermission(permission, p))) {
    return undefined;
  }
  if (!user) {
    return { result: AuthorizeResult.DENY };
  }
  if (admin) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (
    isPermission(permission, templateManagementPermission) ||
    isPermission(permission, templateDryRunPermission)
  ) {
    return { result: AuthorizeResult.DENY };
  }
  if (
    isPermission(permission, taskReadPermission) ||
    isPermission(permission, taskCancelPermission)
  ) {
    return createScaffolderTaskConditionalDecision(
      permission,
      scaffolderTaskConditions.isTaskOwner({
        createdBy: [user.info.userEntityRef],
      }),
    );
  }
  return { result: AuthorizeResult.ALLOW };
}
