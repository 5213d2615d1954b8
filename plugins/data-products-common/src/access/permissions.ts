import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** The resource type of access requests, for conditional permissions. @public */
export const RESOURCE_TYPE_ACCESS_REQUEST = 'data-products-access-request';

/** @public */
export type AccessRequestPermission = ResourcePermission<
  typeof RESOURCE_TYPE_ACCESS_REQUEST
>;

/** Read an access request (and see it in lists). @public */
export const accessRequestReadPermission = createPermission({
  name: 'data-products.access-request.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_ACCESS_REQUEST,
});

/** Ask for access to a data product. @public */
export const accessRequestCreatePermission = createPermission({
  name: 'data-products.access-request.create',
  attributes: { action: 'create' },
});

/** Approve, reject or revoke an access request. @public */
export const accessRequestDecidePermission = createPermission({
  name: 'data-products.access-request.decide',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_ACCESS_REQUEST,
});

/**
 * Read the GDPR Art. 30 report of who can read which personal data under
 * which processing activity. The example policy grants it to privacy
 * officers only.
 * @public
 */
export const reportReadPermission = createPermission({
  name: 'data-products.report.read',
  attributes: { action: 'read' },
});

/** Every permission of the data-products plugin. @public */
export const dataProductsPermissions = [
  accessRequestReadPermission,
  accessRequestCreatePermission,
  accessRequestDecidePermission,
  reportReadPermission,
];
