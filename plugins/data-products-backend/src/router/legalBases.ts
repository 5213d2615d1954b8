import {
  legalBasisPointerSchema,
  legalBasisSearchQuerySchema,
} from '@datamesh-governance/plugin-data-products-common';
import Router from 'express-promise-router';
import { RouterContext } from './context';
import { parse } from './parse';

/** GET /legal-bases?q= and GET /legal-bases/:registerId/:activityId */
export function legalBasesRouter(ctx: RouterContext) {
  const router = Router();
  router.get('/legal-bases', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { q } = parse(legalBasisSearchQuerySchema, req.query, 'search');
    res.json({ items: await ctx.registries.search(q) });
  });
  router.get('/legal-bases/:registerId/:activityId', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { registerId, activityId } = parse(
      legalBasisPointerSchema,
      req.params,
      'legal basis',
    );
    res.json(await ctx.registries.get(registerId, activityId));
  });
  return router;
}
