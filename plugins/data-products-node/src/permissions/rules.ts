import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  AccessRequest,
  RESOURCE_TYPE_ACCESS_REQUEST,
} from '@datamesh-governance/plugin-data-products-common';
import { z } from 'zod';

/**
 * An access request as permission rules see it: with its deciders.
 * @public
 */
export type AccessRequestResource = AccessRequest & { deciderRefs: string[] };

/**
 * What a rule asks of the requests a list may show, as data: the
 * data-products store turns it into SQL on its own index, so that
 * visibility has one home and the rules carry no database code.
 * @public
 */
export type AccessRequestFilter = {
  /** `requester`: made by or for one of the refs; `decider`: decided by one. */
  relation: 'requester' | 'decider';
  refs: string[];
};

/** @public */
export const accessRequestResourceRef = createPermissionResourceRef<
  AccessRequestResource,
  AccessRequestFilter
>().with({
  pluginId: 'data-products',
  resourceType: RESOURCE_TYPE_ACCESS_REQUEST,
});

const claimsParams = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs of the user and of the groups they belong to'),
});

/**
 * The request was made by, or is for, one of the claims.
 * @public
 */
export const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description: 'Allow access requests made by or for the user',
  resourceRef: accessRequestResourceRef,
  paramsSchema: claimsParams,
  apply: (request, { claims }) =>
    claims.includes(request.requesterRef) ||
    claims.includes(request.subjectRef),
  toQuery: ({ claims }) => ({ relation: 'requester', refs: claims }),
});

/**
 * One of the claims owns the data product or approves for the port.
 * @public
 */
export const isDataProductOwner = createPermissionRule({
  name: 'IS_DATA_PRODUCT_OWNER',
  description:
    'Allow access requests to data products the user owns or approves for',
  resourceRef: accessRequestResourceRef,
  paramsSchema: claimsParams,
  apply: (request, { claims }) =>
    request.deciderRefs.some(ref => claims.includes(ref)),
  toQuery: ({ claims }) => ({ relation: 'decider', refs: claims }),
});

/** Every rule on access requests, for `permissionsRegistry`. @public */
export const accessRequestRules = [isRequester, isDataProductOwner];
