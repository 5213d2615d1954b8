import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { RouterContext } from './context';

/** GET /legal-bases?q= and GET /legal-bases/:registerId/:activityId */
export function legalBasesRouter(ctx: RouterContext) {
  const router = Router();
  router.get('/legal-bases', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    if (!q) {
      throw new InputError('Give q: a number like B123 or words from the name');
    }
    res.json({ items: await ctx.registries.search(q) });
  });
  router.get('/legal-bases/:registerId/:activityId', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(
      await ctx.registries.get(req.params.registerId, req.params.activityId),
    );
  });
  return router;
}
