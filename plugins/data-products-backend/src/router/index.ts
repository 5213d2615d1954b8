import { serializeError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import { IdempotencyKeyReusedError } from '../database/AccessRequestStore';
import { RouterContext } from './context';
import { decisionsRouter } from './decisions';
import { legalBasesRouter } from './legalBases';
import { requestsRouter } from './requests';

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

/** The data-products REST API. */
export function createRouter(ctx: RouterContext): express.Router {
  const router = Router();
  router.use(express.json());
  router.use(legalBasesRouter(ctx));
  // Before /requests/:id so that "decisions" is not taken for an id.
  router.use(decisionsRouter(ctx));
  router.use(requestsRouter(ctx));
  router.use(idempotencyErrors);
  return router;
}
