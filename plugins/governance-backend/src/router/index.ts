import express from 'express';
import Router from 'express-promise-router';
import { adrsRouter } from './adrs';
import { RouterContext } from './context';
import { opinionsRouter } from './opinions';
import { policiesRouter } from './policies';

/** The governance REST API. */
export function createRouter(ctx: RouterContext): express.Router {
  const router = Router();
  router.use(express.json());
  router.use(adrsRouter(ctx));
  router.use(opinionsRouter(ctx));
  router.use(policiesRouter(ctx));
  return router;
}
