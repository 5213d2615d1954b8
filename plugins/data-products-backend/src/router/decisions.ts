import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  accessRequestDecidePermission,
  approveAccessRequestSchema,
  BulkDecisionResult,
  bulkDecisionSchema,
  reasonRequiredSchema,
} from '@datamesh-governance/plugin-data-products-common';
import { Request } from 'express';
import Router from 'express-promise-router';
import { audited, RouterContext, userOf } from './context';
import { parse } from './parse';
import { readRequest } from './requests';
import { Decision } from '../service/AccessRequestService';

/** Checks visibility (404) and the decide permission (403), then decides. */
async function decide(
  ctx: RouterContext,
  req: Request,
  id: string,
  decision: Decision,
) {
  return audited(
    ctx,
    req,
    `access-request-${decision.action}`,
    { requestId: id },
    async () => {
      const { credentials, viewer } = await readRequest(ctx, req, id);
      const [permission] = await ctx.permissions.authorize(
        [{ permission: accessRequestDecidePermission, resourceRef: id }],
        { credentials },
      );
      if (permission.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('You may not decide on this access request');
      }
      return ctx.service.decide(id, decision, viewer);
    },
  );
}

// The statuses Backstage's error handler gives these errors.
const statusByErrorName: Record<string, number> = {
  InputError: 400,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};
const statusOf = (error: unknown) =>
  statusByErrorName[(error as Error)?.name] ?? 500;

/** POST /requests/:id/{approve,reject,revoke} and POST /requests/decisions (bulk) */
export function decisionsRouter(ctx: RouterContext) {
  const router = Router();

  router.post('/requests/decisions', async (req, res) => {
    await userOf(ctx, req); // users only, before any item is tried
    const { decisions } = parse(bulkDecisionSchema, req.body, 'decisions');
    const results: BulkDecisionResult[] = [];
    // One at a time: each decision is its own transaction and audit event.
    for (const { id, ...decision } of decisions) {
      try {
        results.push({
          id,
          ok: true,
          request: await decide(ctx, req, id, decision),
        });
      } catch (error) {
        const status = statusOf(error);
        if (status === 500) throw error;
        results.push({
          id,
          ok: false,
          status,
          error: (error as Error).message,
        });
      }
    }
    res.json({ results });
  });

  router.post('/requests/:id/approve', async (req, res) => {
    const body = parse(approveAccessRequestSchema, req.body, 'approval');
    res.json(
      await decide(ctx, req, req.params.id, { action: 'approve', ...body }),
    );
  });

  router.post('/requests/:id/reject', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'rejection');
    res.json(
      await decide(ctx, req, req.params.id, { action: 'reject', ...body }),
    );
  });

  router.post('/requests/:id/revoke', async (req, res) => {
    const body = parse(reasonRequiredSchema, req.body, 'revocation');
    res.json(
      await decide(ctx, req, req.params.id, { action: 'revoke', ...body }),
    );
  });

  return router;
}
