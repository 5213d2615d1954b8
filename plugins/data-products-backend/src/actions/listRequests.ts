import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  accessRequestReadPermission,
  listAccessRequestsQuerySchema,
} from '@datamesh-governance/plugin-data-products-common';
import { parse, requestIdParam } from '../router/parse';
import { underPolicy } from '../router/requests';
import { actionUser } from './actionUser';
import { accessRequestOutput, accessRequestPageOutput } from './requestOutput';
import { ActionDeps } from './types';

const STATUSES = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'revoked',
] as const;

/**
 * One page of the list GET /requests answers, with the same checks of the
 * query and the same permission filter; the store pages it by keyset.
 */
async function listPage(
  deps: ActionDeps,
  credentials: Parameters<typeof actionUser>[1],
  query: Record<string, unknown>,
) {
  const user = await actionUser(deps, credentials);
  const list = parse(listAccessRequestsQuerySchema, query, 'query', 'query');
  return underPolicy(deps, user, list, { items: [] }, criteria =>
    deps.service.list(list, user.viewer, criteria),
  );
}

/** `list-my-requests`: the person's own requests, or one of them by id. */
export function registerListMyRequests(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'list-my-requests',
    title: 'List my access requests',
    description: `Lists the access requests the signed-in person made, newest first, with their status (pending, approved, rejected, cancelled, expired, revoked), end date and decision reason.
Give requestId for one request the person can see, with its audit trail; another person's request is not found.
Pages hold up to limit requests; pass nextCursor back as cursor for the next page.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          requestId: z.string().max(64).optional(),
          status: z.enum(STATUSES).optional(),
          limit: z.number().int().min(1).max(100).default(25),
          cursor: z.string().max(500).optional(),
        }),
      output: z =>
        accessRequestPageOutput(z).extend({
          request: accessRequestOutput(z)
            .optional()
            .describe('The one request, when requestId was given'),
        }),
    },
    action: async ({ input, credentials }) => {
      if (input.requestId) {
        const { viewer } = await actionUser(deps, credentials);
        const id = requestIdParam(input.requestId);
        const request = await deps.service.get(id, viewer);
        const [decision] = await deps.permissions.authorize(
          [{ permission: accessRequestReadPermission, resourceRef: id }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          throw new NotFoundError(`No access request ${id}`);
        }
        return { output: { items: [], request } };
      }
      const page = await listPage(deps, credentials, {
        role: 'requester',
        status: input.status,
        limit: input.limit,
        cursor: input.cursor,
      });
      return { output: page };
    },
  });
}

/** `list-decisions-waiting`: the approver's queue, as the inbox shows it. */
export function registerListDecisionsWaiting(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'list-decisions-waiting',
    title: 'List access requests waiting for my decision',
    description: `Lists the pending access requests the signed-in person may decide on, as owner of the data product or approver of the port, oldest first, as the access inbox shows them.
This only reads the queue: deciding (approve, reject, revoke) is for the person to do in the portal's access inbox, never for an assistant.
Pages hold up to limit requests; pass nextCursor back as cursor for the next page.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(255)
            .optional()
            .describe('Only the requests for this data product'),
          limit: z.number().int().min(1).max(100).default(25),
          cursor: z.string().max(500).optional(),
        }),
      output: z => accessRequestPageOutput(z),
    },
    action: async ({ input, credentials }) => ({
      output: await listPage(deps, credentials, {
        role: 'approver',
        status: 'pending',
        entityRef: input.entityRef,
        order: 'asc',
        limit: input.limit,
        cursor: input.cursor,
      }),
    }),
  });
}
