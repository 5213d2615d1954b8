import Router from 'express-promise-router';
import { adrOr404, requireCaller, RouterContext } from './context';

/** `GET /adrs`, `GET /adrs/:adrId`. */
export function adrsRouter(ctx: RouterContext) {
  const router = Router();

  router.get('/adrs', async (req, res) => {
    await requireCaller(ctx, req);
    res.json(await ctx.adrs.index());
  });

  router.get('/adrs/:adrId', async (req, res) => {
    await requireCaller(ctx, req);
    res.json(await adrOr404(ctx, req.params.adrId));
  });

  return router;
}
