import express from 'express';
import Router from 'express-promise-router';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { adrRoutes } from './adrs';
import { RouterContext } from './context';
import { opinionRoutes } from './opinions';
import { policyRoutes } from './policies';
import { problemRoutes } from './problems';
import { requestValidation } from './validation';

/** The governance REST API, as src/schema/openapi.yaml describes it. */
export async function createRouter(
  ctx: RouterContext,
): Promise<express.Router> {
  const api = createOpenApiRouter({
    // Validated in front of it, keeping the issues (see validation.ts).
    validatorOptions: { validateRequests: false },
  });
  adrRoutes(api, ctx);
  opinionRoutes(api, ctx);
  policyRoutes(api, ctx);
  problemRoutes(api, ctx);

  const router = Router();
  router.use(express.json());
  router.use(requestValidation(spec));
  router.use(api);
  return router;
}
