import {
  callerCredentials,
  GovernanceApiRouter,
  RouterContext,
} from './context';

/** `GET /adrs`, `GET /adrs/:adrId`, `GET /adrs/:adrId/status-history`. */
export function adrRoutes(router: GovernanceApiRouter, ctx: RouterContext) {
  router.get('/adrs', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.listAdrs());
  });

  router.get('/adrs/:adrId', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.getAdr(req.params.adrId));
  });

  router.get('/adrs/:adrId/status-history', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.getStatusHistory(req.params.adrId));
  });
}
