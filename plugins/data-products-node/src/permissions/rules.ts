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
  /**
   * `requester`: made by or for one of the refs; `decider`: decided by one;
   * `involved`: either.
   */
  relation: 'requester' | 'decider' | 'involved';
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

/**
 * The request was made by or for one of the claims, or one of them decides
 * on it: everyone the request concerns. One condition where `anyOf` the two
 * above would be two (a smaller decision to send, check and apply).
 * @public
 */
export const isInvolved = createPermissionRule({
  name: 'IS_INVOLVED',
  description:
    'Allow access requests made by or for the user, or that the user decides on',
  resourceRef: accessRequestResourceRef,
  paramsSchema: claimsParams,
  apply: (request, { claims }) =>
    isRequester.apply(request, { claims }) ||
    isDataProductOwner.apply(request, { claims }),
  toQuery: ({ claims }) => ({ relation: 'involved', refs: claims }),
});

/** Every rule on access requests, for `permissionsRegistry`. @public */
export const accessRequestRules = [isRequester, isDataProductOwner, isInvolved];
