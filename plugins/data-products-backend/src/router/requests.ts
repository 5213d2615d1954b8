import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  accessRequestReadPermission,
  cancelAccessRequestSchema,
  listAccessRequestsQuerySchema,
} from '@datamesh-governance/plugin-data-products-common';
import { countQuerySchema, grantsQuerySchema } from './checkInput';
import { audited, RouterContext, userOf } from './context';
import { fileRequest } from './fileRequest';
import { idempotencyKeyOf, parse, requestIdParam } from './parse';
import { AnyRequest, ApiRouter } from './types';
import { PolicyCriteria } from '../database/AccessRequestStore';
import { conditionsNarrow, ListFilter } from '../database/listQuery';

/** The most a count counts: the badge shows "99+" beyond. */
const COUNT_CAP = 100;

/** The list filter the permission policy asks for; undefined when it allows all. */
async function readFilter(
  ctx: Pick<RouterContext, 'permissions' | 'toCriteria'>,
  credentials: Parameters<
    RouterContext['permissions']['authorizeConditional']
  >[1]['credentials'],
) {
  const [decision] = await ctx.permissions.authorizeConditional(
    [{ permission: accessRequestReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.DENY) {
    return 'deny' as const;
  }
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    return ctx.toCriteria(decision.conditions);
  }
  return undefined;
}

/**
 * A list or count as the permission policy allows it. The page is read
 * while the permission backend answers, without the policy's conditions,
 * and read again with them only when they could leave rows out (the example
 * policy's never do: every row a list reads is the viewer's own). A denial
 * shows nothing.
 */
export async function underPolicy<T>(
  ctx: Pick<RouterContext, 'permissions' | 'toCriteria'>,
  { credentials, viewer }: Awaited<ReturnType<typeof userOf>>,
  filter: Pick<ListFilter, 'role' | 'entityRef'>,
  denied: T,
  read: (criteria?: PolicyCriteria) => Promise<T>,
): Promise<T> {
  const [criteria, unconditioned] = await Promise.all([
    readFilter(ctx, credentials),
    read(),
  ]);
  if (criteria === 'deny') return denied;
  if (!criteria || !conditionsNarrow(filter, viewer, criteria)) {
    return unconditioned;
  }
  return read(criteria);
}

/** A request the viewer may see and the policy lets them read; 404 otherwise. */
async function readRequest(ctx: RouterContext, req: AnyRequest, id: string) {
  const { credentials, viewer } = await userOf(ctx, req);
  requestIdParam(id);
  const request = await ctx.service.get(id, viewer);
  const [decision] = await ctx.permissions.authorize(
    [{ permission: accessRequestReadPermission, resourceRef: id }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotFoundError(`No access request ${id}`);
  }
  return { credentials, viewer, request };
}

/** POST /requests, GET /requests, GET /requests/:id, POST /requests/:id/cancel, GET /grants */
export function requestRoutes(router: ApiRouter, ctx: RouterContext) {
  router.post('/requests', async (req, res) => {
    const { credentials, viewer } = await userOf(ctx, req);
    const { request, replayed } = await fileRequest(ctx, {
      body: req.body,
      credentials,
      viewer,
      channel: 'portal',
      req,
      idempotencyKey: () => idempotencyKeyOf(req),
    });
    res.status(replayed ? 200 : 201).json(request);
  });

  router.get('/requests', async (req, res) => {
    const user = await userOf(ctx, req);
    const query = parse(
      listAccessRequestsQuerySchema,
      req.query,
      'query',
      'query',
    );
    res.json(
      await underPolicy(ctx, user, query, { items: [] }, criteria =>
        ctx.service.list(query, user.viewer, criteria),
      ),
    );
  });

  // How many match, up to 100, e.g. the decisions waiting for the viewer.
  router.get('/requests/count', async (req, res) => {
    const user = await userOf(ctx, req);
    const query = parse(countQuerySchema, req.query, 'query', 'query');
    res.json(
      await underPolicy(ctx, user, query, { count: 0, more: false }, criteria =>
        ctx.service.count(query, user.viewer, COUNT_CAP, criteria),
      ),
    );
  });

  router.get('/grants', async (req, res) => {
    const user = await userOf(ctx, req);
    const query: ListFilter = {
      ...parse(grantsQuerySchema, req.query, 'query', 'query'),
      status: 'approved',
    };
    res.json(
      await underPolicy(ctx, user, query, { items: [] }, criteria =>
        ctx.service.list(query, user.viewer, criteria),
      ),
    );
  });

  router.get('/requests/:id', async (req, res) => {
    const { request } = await readRequest(ctx, req, req.params.id);
    res.json(request);
  });

  router.post('/requests/:id/cancel', async (req, res) => {
    const { viewer } = await userOf(ctx, req);
    requestIdParam(req.params.id);
    const body = parse(cancelAccessRequestSchema, req.body, 'cancellation');
    const request = await audited(
      ctx,
      req,
      'access-request-cancel',
      { requestId: req.params.id },
      () => ctx.service.cancel(req.params.id, body.reason, viewer),
    );
    res.json(request);
  });
}
