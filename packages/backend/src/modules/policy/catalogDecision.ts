import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogIngestionManagePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';

/**
 * Writes that name no entity, so no owner can be asked: registering and
 * removing locations (which fetch and ingest whatever they point at),
 * analysing URLs with the portal's integration tokens, managing ingestion.
 */
const adminOnly = [
  catalogEntityCreatePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationAnalyzePermission,
  catalogIngestionManagePermission,
];
// Declared by @backstage/plugin-catalog-unprocessed-entities-common.
const UNPROCESSED_DELETE = 'catalog.entities.unprocessed.delete';

/**
 * The catalog's writes: admins only, or (delete, refresh) the entity's
 * owners too. Undefined for the rest (reads, validation).
 */
export function catalogDecision(
  permission: Permission,
  user: PolicyQueryUser | undefined,
  admin: boolean,
): PolicyDecision | undefined {
  const ownerOrAdmin =
    isPermission(permission, catalogEntityDeletePermission) ||
    isPermission(permission, catalogEntityRefreshPermission);
  const onlyAdmin =
    adminOnly.some(p => isPermission(permission, p)) ||
    permission.name === UNPROCESSED_DELETE;
  if (!ownerOrAdmin && !onlyAdmin) {
    return undefined;
  }
  if (admin) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (
    user &&
    ownerOrAdmin &&
    isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)
  ) {
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({
        claims: user.info.ownershipEntityRefs,
      }),
    );
  }
  return { result: AuthorizeResult.DENY };
}
