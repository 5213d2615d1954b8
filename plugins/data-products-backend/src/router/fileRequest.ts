import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AccessRequest,
  accessRequestCreatePermission,
  createAccessRequestSchema,
} from '@datamesh-governance/plugin-data-products-common';
import { createHash } from 'crypto';
import { Viewer } from '../database/AccessRequestStore';
import { audited, RouterContext } from './context';
import { parse } from './parse';
import { AnyRequest } from './types';

function bodyHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Files an access request for the signed-in person: the one path of the
 * form (POST /requests) and of an assistant's `request-access` action, so
 * both meet the same checks, give the same field errors and leave the same
 * auditor event.
 */
export async function fileRequest(
  ctx: Pick<RouterContext, 'service' | 'permissions' | 'auditor'>,
  options: {
    body: unknown;
    credentials: BackstageCredentials<BackstageUserPrincipal>;
    viewer: Viewer;
    channel: NonNullable<AccessRequest['channel']>;
    /** The HTTP request, for the audit event; none when an action files it. */
    req?: AnyRequest;
    /** Read after the body is checked, so a bad body is reported first. */
    idempotencyKey?: () => string | undefined;
  },
): Promise<{ request: AccessRequest; replayed: boolean }> {
  const { credentials, viewer, channel } = options;
  const body = parse(createAccessRequestSchema, options.body, 'access request');
  const [decision] = await ctx.permissions.authorize(
    [{ permission: accessRequestCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError('You may not ask for access to data products');
  }
  const key = options.idempotencyKey?.();
  let replayed = false;
  const request = await audited(
    ctx,
    options.req,
    'access-request-create',
    {
      entityRef: body.entityRef,
      outputPort: body.outputPort,
      channel,
      // Without an HTTP request the auditor cannot name the actor itself.
      ...(options.req ? {} : { actorRef: viewer.userRef }),
    },
    async () => {
      const result = await ctx.service.create(
        body,
        viewer,
        key ? { key, bodyHash: bodyHash(body) } : undefined,
        channel,
      );
      replayed = result.replayed;
      return result.request;
    },
  );
  return { request, replayed };
}
