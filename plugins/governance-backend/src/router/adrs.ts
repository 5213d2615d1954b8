import {
  callerCredentials,
  GovernanceApiRouter,
  RouterContext,
} from './context';

/** `GET /adrs`, `GET /adrs/:adrId`. */
export function adrRoutes(router: GovernanceApiRouter, ctx: RouterContext) {
  router.get('/adrs', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.listAdrs());
  });

  router.get('/adrs/:adrId', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.getAdr(req.params.adrId));
  });
}
