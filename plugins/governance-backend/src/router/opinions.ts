import { opinionInputSchema } from '@datamesh-governance/plugin-governance-common';
import {
  callerCredentials,
  GovernanceApiRouter,
  RouterContext,
} from './context';
import { parseBody } from './parse';

/** Opinions on an ADR: the summary, the history, and the caller's own. */
export function opinionRoutes(router: GovernanceApiRouter, ctx: RouterContext) {
  router.get('/adrs/:adrId/opinions', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json(await ctx.service.getOpinions(req.params.adrId));
  });

  router.get('/adrs/:adrId/opinions/history', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json({
      items: await ctx.service.getOpinionHistory(req.params.adrId),
    });
  });

  router.put('/adrs/:adrId/opinions/mine', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req, {
      allow: ['user'],
    });
    // The contract has checked the shape; the shared schema adds what it
    // cannot say (blank comments, control characters, broken Unicode).
    const input = parseBody(opinionInputSchema, req.body);
    const { adrId } = req.params;
    const event = await ctx.auditor.createEvent({
      eventId: 'governance-opinion-record',
      request: req,
      severityLevel: 'medium',
      meta: { adrId, stance: input.stance, perspective: input.perspective },
    });
    try {
      const { opinion, outcome } = await ctx.service.recordOpinion(
        adrId,
        input,
        { credentials },
      );
      await event.success({ meta: { outcome, revision: opinion.revision } });
      res.status(outcome === 'created' ? 201 : 200).json(opinion);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
