import {
  approveAccessRequestSchema,
  bulkDecisionSchema,
  cancelAccessRequestSchema,
  createAccessRequestSchema,
  legalBasisPointerSchema,
  legalBasisSearchQuerySchema,
  listAccessRequestsQuerySchema,
  reasonRequiredSchema,
} from '@datamesh-governance/plugin-data-products-common';
import express, { RequestHandler } from 'express';
import { z } from 'zod';
import { idempotencyKeyOf, parse, requestIdParam } from './parse';
import { metricsQuerySchema, reportQuerySchema } from './insightsQuery';

/** Query of `GET /requests/count`: the list's filters, without paging. */
export const countQuerySchema = listAccessRequestsQuerySchema.omit({
  cursor: true,
  limit: true,
  sort: true,
  order: true,
});

/** Query of `GET /grants`: approved requests only, so no role or status. */
export const grantsQuerySchema = listAccessRequestsQuerySchema.omit({
  status: true,
  role: true,
});

const body =
  (schema: z.ZodType, where: string): RequestHandler =>
  (req, _res, next) => {
    req.body = parse(schema, req.body, where, 'body');
    next();
  };

const query =
  (schema: z.ZodType, where: string): RequestHandler =>
  (req, _res, next) => {
    req.query = parse(schema, req.query, where, 'query') as typeof req.query;
    next();
  };

const params =
  (schema: z.ZodType, where: string): RequestHandler =>
  (req, _res, next) => {
    parse(schema, req.params, where, 'params');
    next();
  };

const id: RequestHandler = (req, _res, next) => {
  requestIdParam(req.params.id);
  next();
};

const idempotencyKey: RequestHandler = (req, _res, next) => {
  idempotencyKeyOf(req);
  next();
};

/**
 * The zod checks of every route's input, run in front of the OpenAPI
 * validator. The spec and these schemas set the same limits; zod's say
 * better what is wrong (`purpose: must be at most 2000 characters`), and
 * the validator then sees the values as zod leaves them (trimmed, defaults
 * filled in), so that both judge the same input. Handlers parse again for
 * zod's output types; that parse cannot fail.
 */
export function checkInput(): RequestHandler {
  const checks = express.Router();
  // Only the first route that matches checks: `/requests/count` is no `:id`.
  const done: RequestHandler = (_req, _res, next) => next('router');
  const on = (
    method: 'get' | 'post',
    path: string,
    ...handlers: RequestHandler[]
  ) => checks[method](path, ...handlers, done);

  on('get', '/legal-bases', query(legalBasisSearchQuerySchema, 'search'));
  on(
    'get',
    '/legal-bases/:registerId/:activityId',
    params(legalBasisPointerSchema, 'legal basis'),
  );
  on(
    'post',
    '/requests',
    body(createAccessRequestSchema, 'access request'),
    idempotencyKey,
  );
  on('get', '/requests', query(listAccessRequestsQuerySchema, 'query'));
  on('get', '/requests/count', query(countQuerySchema, 'query'));
  on('get', '/grants', query(grantsQuerySchema, 'query'));
  on('get', '/metrics', query(metricsQuerySchema, 'query'));
  on('get', '/reports/personal-data-access', query(reportQuerySchema, 'query'));
  on('post', '/requests/decisions', body(bulkDecisionSchema, 'decisions'));
  on('get', '/requests/:id', id);
  on(
    'post',
    '/requests/:id/approve',
    id,
    body(approveAccessRequestSchema, 'approval'),
  );
  on(
    'post',
    '/requests/:id/reject',
    id,
    body(reasonRequiredSchema, 'rejection'),
  );
  on(
    'post',
    '/requests/:id/revoke',
    id,
    body(reasonRequiredSchema, 'revocation'),
  );
  on(
    'post',
    '/requests/:id/cancel',
    id,
    body(cancelAccessRequestSchema, 'cancellation'),
  );
  on('post', '/requests/:id/provisioning/retry', id);
  // A function, not the router itself: the routes of the API are the
  // handlers', and tools that list them should not find these twice.
  return (req, res, next) => checks(req, res, next);
}
