import {
  callerCredentials,
  GovernanceApiRouter,
  RouterContext,
} from './context';

/** `GET /policies` (compliance per policy) and `GET /checks?entityRef=` (one entity). */
export function policyRoutes(router: GovernanceApiRouter, ctx: RouterContext) {
  router.get('/policies', async (req, res) => {
    const credentials = await callerCredentials(ctx, req);
    res.json({
      items: await ctx.service.listPolicies({
        adrId: req.query.adrId,
        credentials,
      }),
    });
  });

  router.get('/checks', async (req, res) => {
    const credentials = await callerCredentials(ctx, req);
    res.json({
      items: await ctx.service.getEntityChecks(req.query.entityRef, {
        credentials,
      }),
    });
  });
}
