import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  AccessRequest,
  RESOURCE_TYPE_ACCESS_REQUEST,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { z } from 'zod';

/** An access request as permission rules see it: with its deciders. */
export type AccessRequestResource = AccessRequest & { deciderRefs: string[] };

/** A filter rules add to a query on `access_requests`. */
export type AccessRequestQuery = (query: Knex.QueryBuilder) => void;

export const accessRequestResourceRef = createPermissionResourceRef<
  AccessRequestResource,
  AccessRequestQuery
>().with({
  pluginId: 'data-products',
  resourceType: RESOURCE_TYPE_ACCESS_REQUEST,
});

const claimsParams = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs of the user and of the groups they belong to'),
});

/** The request was made by, or is for, one of the claims. */
export const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description: 'Allow access requests made by or for the user',
  resourceRef: accessRequestResourceRef,
  paramsSchema: claimsParams,
  apply: (request, { claims }) =>
    claims.includes(request.requesterRef) ||
    claims.includes(request.subjectRef),
  toQuery:
    ({ claims }) =>
    query =>
      query.whereIn('requester_ref', claims).orWhereIn('subject_ref', claims),
});

/** One of the claims owns the data product or approves for the port. */
export const isDataProductOwner = createPermissionRule({
  name: 'IS_DATA_PRODUCT_OWNER',
  description:
    'Allow access requests to data products the user owns or approves for',
  resourceRef: accessRequestResourceRef,
  paramsSchema: claimsParams,
  apply: (request, { claims }) =>
    request.deciderRefs.some(ref => claims.includes(ref)),
  toQuery:
    ({ claims }) =>
    query =>
      query.whereExists(function deciders() {
        this.select(this.client.raw('1'))
          .from('access_request_deciders')
          .whereRaw('access_request_deciders.request_id = access_requests.id')
          .whereIn('access_request_deciders.decider_ref', claims);
      }),
});

export const accessRequestRules = [isRequester, isDataProductOwner];
