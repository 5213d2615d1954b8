import {
  NotAllowedError,
  NotFoundError,
  serializeError,
} from '@backstage/errors';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AccessRequest,
  accessRequestDecidePermission,
  accessRequestReadPermission,
  approveAccessRequestSchema,
  BulkDecisionResult,
  bulkDecisionSchema,
  reasonRequiredSchema,
} from '@datamesh-governance/plugin-data-products-common';
import {
  Decision,
  DecisionTarget,
  DeferredEffects,
} from '../service/AccessRequestService';
import { audited, RouterContext, userOf } from './context';
import { checkRequestIds, parse } from './parse';
import { AnyRequest, ApiRouter } from './types';
import { Response } from 'express';

type DecisionItem = Decision & { id: string };

// The statuses Backstage's error handler gives these errors.
const statusByErrorName: Record<string, number> = {
  InputError: 400,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/**
 * Decides one or many requests: each row is read once, each data product
 * once, and the permission policy is asked once for the whole batch; its
 * conditions are checked here against the loaded requests. Every item gets
 * its own outcome — an Error or the decided request — and its own
 * transaction and auditor event; one item's failure never undoes or hides
 * another's decision. What the decisions set off (notifications, signals,
 * catalog refreshes) is handed back, to start once the answer is out.
 */
async function decideAll(
  ctx: RouterContext,
  req: AnyRequest,
  items: DecisionItem[],
): Promise<{
  results: Array<{ id: string; outcome: AccessRequest | Error }>;
  effects: DeferredEffects;
}> {
  const { credentials, viewer } = await userOf(ctx, req);
  const ids = [...new Set(items.map(item => item.id))];
  const { valid, invalid } = checkRequestIds(ids);
  const targets = await ctx.service.loadForDecision(valid, viewer);
  invalid.forEach((error, id) => targets.set(id, error));
  const refused = await refusals(ctx, credentials, targets);

  const results = [];
  const effects: DeferredEffects = [];
  // One at a time, in the order given: the same id twice meets its own decision.
  for (const { id, ...decision } of items) {
    let outcome: AccessRequest | Error;
    try {
      outcome = await audited(
        ctx,
        req,
        `access-request-${decision.action}`,
        { requestId: id },
        async () => {
          const target = targets.get(id);
          if (target instanceof Error) throw target;
          if (refused.has(id)) throw refused.get(id);
          const request = await ctx.service.decide(
            target!,
            decision,
            viewer,
            effects,
          );
          // A later item on the same id starts from this outcome.
          targets.set(id, { ...target!, request });
          return request;
        },
      );
    } catch (error) {
      outcome = error as Error;
    }
    results.push({ id, outcome });
  }
  return { results, effects };
}

/**
 * The loaded requests the permission policy keeps the viewer from reading
 * (a 404, as if absent) or from deciding (a 403). One round trip asks for
 * both permissions; conditional answers are applied to each request here,
 * with the rules the plugin registered.
 */
async function refusals(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  targets: Map<string, DecisionTarget | Error>,
): Promise<Map<string, Error>> {
  const refused = new Map<string, Error>();
  const loaded = [...targets].flatMap(([id, target]) =>
    target instanceof Error ? [] : [{ id, target }],
  );
  if (loaded.length === 0) return refused;
  const [read, decide] = await ctx.permissions.authorizeConditional(
    [
      { permission: accessRequestReadPermission },
      { permission: accessRequestDecidePermission },
    ],
    { credentials },
  );
  for (const { id, target } of loaded) {
    // The rules see the request with its deciders as the catalog has them now.
    const resource = { ...target.request, deciderRefs: target.port.deciders };
    if (!ctx.conditionsAllow(read, resource)) {
      refused.set(id, new NotFoundError(`No access request ${id}`));
    } else if (!ctx.conditionsAllow(decide, resource)) {
      refused.set(
        id,
        new NotAllowedError('You may not decide on this access request'),
      );
    }
  }
  return refused;
}

/**
 * One decision, answered before what it sets off starts; an error is
 * thrown, for the framework to answer.
 */
async function decideOne(
  ctx: RouterContext,
  req: AnyRequest,
  res: Response,
  item: DecisionItem,
) {
  const { results, effects } = await decideAll(ctx, req, [item]);
  const [{ outcome }] = results;
  if (outcome instanceof Error) throw outcome;
  res.json(outcome);
  ctx.effects.start(effects);
}

/** POST /requests/:id/{approve,reject,revoke} and POST /requests/decisions (bulk) */
export function decisionRoutes(router: ApiRouter, ctx: RouterContext) {
  router.post('/requests/decisions', async (req, res) => {
    await userOf(ctx, req); // users only, before any item is tried
    // Every item is validated before any is decided.
    const { decisions } = parse(bulkDecisionSchema, req.body, 'decisions');
    const { results, effects } = await decideAll(ctx, req, decisions);
    const answers: BulkDecisionResult[] = results.map(({ id, outcome }) => {
      if (!(outcome instanceof Error)) {
        return { id, ok: true, request: outcome };
      }
      const status = statusByErrorName[outcome.name];
      if (!status) {
        // Unexpected: logged with its detail, answered as this item's failure.
        ctx.logger.error(
          `Bulk decision on ${id} failed`,
          serializeError(outcome),
        );
      }
      return {
        id,
        ok: false,
        status: status ?? 500,
        error: status ? outcome.message : 'Something went wrong on our side',
      };
    });
    res.json({ results: answers });
    ctx.effects.start(effects);
  });

  router.post('/requests/:id/approve', async (req, res) => {
    const body = parse(approveAccessRequestSchema, req.body, 'approval');
    await decideOne(ctx, req, res, {
      id: req.params.id,
      action: 'approve',
      ...body,
    });
  });

  router.post('/requests/:id/reject', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'rejection');
    await decideOne(ctx, req, res, {
      id: req.params.id,
      action: 'reject',
      ...body,
    });
  });

  router.post('/requests/:id/revoke', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'revocation');
    await decideOne(ctx, req, res, {
      id: req.params.id,
      action: 'revoke',
      ...body,
    });
  });
}
