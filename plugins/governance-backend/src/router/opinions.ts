import { ConflictError } from '@backstage/errors';
import {
  emptyOpinionCounts,
  opinionInputSchema,
  OpinionSummary,
} from '@datamesh-governance/plugin-governance-common';
import Router from 'express-promise-router';
import { adrOr404, requireCaller, RouterContext } from './context';
import { parse } from './parse';

/** Opinions on an ADR: the summary, the history, and the caller's own. */
export function opinionsRouter(ctx: RouterContext) {
  const router = Router();

  router.get('/adrs/:adrId/opinions', async (req, res) => {
    await requireCaller(ctx, req);
    const adr = await adrOr404(ctx, req.params.adrId);
    const items = await ctx.opinions.list(adr.id);
    const counts = emptyOpinionCounts();
    for (const opinion of items) {
      counts[opinion.perspective][opinion.stance] += 1;
    }
    const summary: OpinionSummary = {
      items,
      counts,
      open: adr.status === 'proposed',
    };
    res.json(summary);
  });

  router.get('/adrs/:adrId/opinions/history', async (req, res) => {
    await requireCaller(ctx, req);
    const adr = await adrOr404(ctx, req.params.adrId);
    res.json({ items: await ctx.opinions.history(adr.id) });
  });

  router.put('/adrs/:adrId/opinions/mine', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const adr = await adrOr404(ctx, req.params.adrId);
    const input = parse(opinionInputSchema, req.body, 'opinion');
    const event = await ctx.auditor.createEvent({
      eventId: 'governance-opinion-record',
      request: req,
      severityLevel: 'medium',
      meta: {
        adrId: adr.id,
        stance: input.stance,
        perspective: input.perspective,
      },
    });
    try {
      if (adr.status !== 'proposed') {
        throw new ConflictError(
          `ADR ${adr.id} is ${adr.status}; only proposed ADRs take opinions`,
        );
      }
      const { opinion, outcome } = await ctx.opinions.record(
        adr.id,
        credentials.principal.userEntityRef,
        input,
      );
      await event.success({ meta: { outcome, revision: opinion.revision } });
      res.status(outcome === 'created' ? 201 : 200).json(opinion);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
