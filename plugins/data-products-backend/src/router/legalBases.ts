import {
  legalBasisPointerSchema,
  legalBasisSearchQuerySchema,
} from '@datamesh-governance/plugin-data-products-common';
import { RouterContext } from './context';
import { parse } from './parse';
import { ApiRouter } from './types';

/** GET /legal-bases?q= and GET /legal-bases/:registerId/:activityId */
export function legalBasisRoutes(router: ApiRouter, ctx: RouterContext) {
  router.get('/legal-bases', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { q } = parse(
      legalBasisSearchQuerySchema,
      req.query,
      'search',
      'query',
    );
    res.json({ items: await ctx.registries.search(q) });
  });
  router.get('/legal-bases/:registerId/:activityId', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { registerId, activityId } = parse(
      legalBasisPointerSchema,
      req.params,
      'legal basis',
      'params',
    );
    res.json(await ctx.registries.get(registerId, activityId));
  });
}
