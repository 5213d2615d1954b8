import {
  NotAllowedError,
  NotFoundError,
  serializeError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AccessRequest,
  accessRequestDecidePermission,
  accessRequestReadPermission,
  approveAccessRequestSchema,
  BulkDecisionResult,
  bulkDecisionSchema,
  reasonRequiredSchema,
} from '@datamesh-governance/plugin-data-products-common';
import { Decision, DeferredEffects } from '../service/AccessRequestService';
import { audited, RouterContext, userOf } from './context';
import { checkRequestIds, parse } from './parse';
import { AnyRequest, ApiRouter } from './types';

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
 * once, and the permission policy is asked once for the whole batch (read
 * and decide). Every item gets its own outcome — an Error or the decided
 * request — and its own transaction and auditor event; one item's failure
 * never undoes or hides another's decision.
 */
async function decideAll(
  ctx: RouterContext,
  req: AnyRequest,
  items: DecisionItem[],
): Promise<Array<{ id: string; outcome: AccessRequest | Error }>> {
  const { credentials, viewer } = await userOf(ctx, req);
  const ids = [...new Set(items.map(item => item.id))];
  const { valid, invalid } = checkRequestIds(ids);
  const targets = await ctx.service.loadForDecision(valid, viewer);
  invalid.forEach((error, id) => targets.set(id, error));
  const loaded = ids.filter(id => !(targets.get(id) instanceof Error));
  const decisions =
    loaded.length === 0
      ? []
      : await ctx.permissions.authorize(
          loaded.flatMap(id => [
            { permission: accessRequestReadPermission, resourceRef: id },
            { permission: accessRequestDecidePermission, resourceRef: id },
          ]),
          { credentials },
        );
  const refused = new Map<string, Error>();
  loaded.forEach((id, i) => {
    const [read, decide] = [decisions[2 * i], decisions[2 * i + 1]];
    if (read.result !== AuthorizeResult.ALLOW) {
      refused.set(id, new NotFoundError(`No access request ${id}`));
    } else if (decide.result !== AuthorizeResult.ALLOW) {
      refused.set(
        id,
        new NotAllowedError('You may not decide on this access request'),
      );
    }
  });

  const results = [];
  // Notifications, signals and catalog refreshes of every item start once
  // all are decided, side by side, and are done before the answer goes out.
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
  await Promise.all(effects.map(tell => tell()));
  return results;
}

/** One decision: its error is thrown, for the framework to answer. */
async function decideOne(
  ctx: RouterContext,
  req: AnyRequest,
  item: DecisionItem,
) {
  const [{ outcome }] = await decideAll(ctx, req, [item]);
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

/** POST /requests/:id/{approve,reject,revoke} and POST /requests/decisions (bulk) */
export function decisionRoutes(router: ApiRouter, ctx: RouterContext) {
  router.post('/requests/decisions', async (req, res) => {
    await userOf(ctx, req); // users only, before any item is tried
    // Every item is validated before any is decided.
    const { decisions } = parse(bulkDecisionSchema, req.body, 'decisions');
    const results: BulkDecisionResult[] = (
      await decideAll(ctx, req, decisions)
    ).map(({ id, outcome }) => {
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
    res.json({ results });
  });

  router.post('/requests/:id/approve', async (req, res) => {
    const body = parse(approveAccessRequestSchema, req.body, 'approval');
    res.json(
      await decideOne(ctx, req, {
        id: req.params.id,
        action: 'approve',
        ...body,
      }),
    );
  });

  router.post('/requests/:id/reject', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'rejection');
    res.json(
      await decideOne(ctx, req, {
        id: req.params.id,
        action: 'reject',
        ...body,
      }),
    );
  });

  router.post('/requests/:id/revoke', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'revocation');
    res.json(
      await decideOne(ctx, req, {
        id: req.params.id,
        action: 'revoke',
        ...body,
      }),
    );
  });
}
