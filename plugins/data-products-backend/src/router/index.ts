import { serializeError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import { IdempotencyKeyReusedError } from '../database/AccessRequestStore';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { checkInput } from './checkInput';
import { RouterContext } from './context';
import { decisionRoutes } from './decisions';
import { insightsRoutes } from './insights';
import { legalBasisRoutes } from './legalBases';
import { provisioningRoutes } from './provisioning';
import { lineageRoutes } from './lineage';
import { requestRoutes } from './requests';

// The framework's error handler has no 422; answer in its shape.
const idempotencyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof IdempotencyKeyReusedError) {
    res.status(422).json({
      error: serializeError(error),
      response: { statusCode: 422 },
    });
    return;
  }
  next(error);
};

/**
 * The data-products REST API, typed and request-validated from
 * src/schema/openapi.yaml. Zod's checks run in front of it (see
 * checkInput.ts): the library turns any error before its routes into a
 * bare InputError, and a 400 of ours lists the issues field by field.
 */
export function createRouter(ctx: RouterContext): express.Router {
  const api = createOpenApiRouter({
    // Under test every answer is checked against the spec as well.
    validatorOptions: { validateResponses: process.env.NODE_ENV === 'test' },
  });
  legalBasisRoutes(api, ctx);
  // Before /requests/:id so that "decisions" is not taken for an id.
  decisionRoutes(api, ctx);
  requestRoutes(api, ctx);
  provisioningRoutes(api, ctx);
  lineageRoutes(api, ctx);
  insightsRoutes(api, ctx);

  const router = Router();
  router.use(express.json());
  router.use(checkInput());
  router.use(api);
  router.use(idempotencyErrors);
  return router;
}
