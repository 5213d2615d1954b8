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
import { Viewer } from '../database/AccessRequestStore';
import { ListFilter } from '../database/listQuery';

/** The most a count counts: the badge shows "99+" beyond. */
const COUNT_CAP = 100;

/** The list filter the permission policy asks for; undefined when it allows all. */
export async function readFilter(
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

  const list = async (
    viewer: Viewer,
    filter: Awaited<ReturnType<typeof readFilter>>,
    query: ListFilter,
  ) =>
    filter === 'deny' ? { items: [] } : ctx.service.list(query, viewer, filter);

  router.get('/requests', async (req, res) => {
    const { credentials, viewer } = await userOf(ctx, req);
    const query = parse(
      listAccessRequestsQuerySchema,
      req.query,
      'query',
      'query',
    );
    res.json(await list(viewer, await readFilter(ctx, credentials), query));
  });

  // How many match, up to 100, e.g. the decisions waiting for the viewer.
  router.get('/requests/count', async (req, res) => {
    const { credentials, viewer } = await userOf(ctx, req);
    const query = parse(countQuerySchema, req.query, 'query', 'query');
    const filter = await readFilter(ctx, credentials);
    res.json(
      filter === 'deny'
        ? { count: 0, more: false }
        : await ctx.service.count(query, viewer, COUNT_CAP, filter),
    );
  });

  router.get('/grants', async (req, res) => {
    const { credentials, viewer } = await userOf(ctx, req);
    const query = parse(grantsQuerySchema, req.query, 'query', 'query');
    res.json(
      await list(viewer, await readFilter(ctx, credentials), {
        ...query,
        status: 'approved',
      }),
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
