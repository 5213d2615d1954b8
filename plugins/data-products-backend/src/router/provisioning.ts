import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  accessRequestDecidePermission,
  accessRequestReadPermission,
  decidesOn,
} from '@datamesh-governance/plugin-data-products-common';
import { RouterContext, userOf } from './context';
import { requestIdParam } from './parse';
import { ApiRouter } from './types';

/** POST /requests/:id/provisioning/retry */
export function provisioningRoutes(router: ApiRouter, ctx: RouterContext) {
  router.post('/requests/:id/provisioning/retry', async (req, res) => {
    const { credentials, viewer } = await userOf(ctx, req);
    const id = requestIdParam(req.params.id);
    const event = await ctx.auditor.createEvent({
      eventId: 'access-request-provisioning-retry',
      severityLevel: 'medium',
      request: req,
      meta: { requestId: id },
    });
    try {
      // Visible to the viewer (404 otherwise), with its deciders as the catalog says now.
      const target = (await ctx.service.loadForDecision([id], viewer)).get(id);
      if (!target || target instanceof Error) {
        throw target ?? new NotFoundError(`No access request ${id}`);
      }
      const [read, decide] = await ctx.permissions.authorize(
        [
          { permission: accessRequestReadPermission, resourceRef: id },
          { permission: accessRequestDecidePermission, resourceRef: id },
        ],
        { credentials },
      );
      if (read.result !== AuthorizeResult.ALLOW) {
        throw new NotFoundError(`No access request ${id}`);
      }
      if (
        decide.result !== AuthorizeResult.ALLOW ||
        !decidesOn(viewer.claims, target.port.deciders)
      ) {
        throw new NotAllowedError(
          `Only the owners of ${target.request.entityRef} or the approvers of its port ${target.request.outputPort} can retry its provisioning`,
        );
      }
      const state = await ctx.service.retryProvisioning(id);
      await event.success({ meta: { requestId: id, state: state.state } });
      res.json(state);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
