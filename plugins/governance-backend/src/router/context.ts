import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { AdrWithContent } from '@datamesh-governance/plugin-governance-common';
import { Request } from 'express';
import { AdrRepository } from '../adrs/AdrRepository';
import { OpinionStore } from '../database/OpinionStore';
import { PolicyEvaluator } from '../policies/PolicyEvaluator';

/** What the route handlers need, built once in the plugin. */
export type RouterContext = {
  adrs: AdrRepository;
  opinions: OpinionStore;
  policies: PolicyEvaluator;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
};

/** Every route is for signed-in users and other plugins; anonymous callers get 401. */
export async function requireCaller(ctx: RouterContext, req: Request) {
  return ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
}

export async function adrOr404(
  ctx: RouterContext,
  adrId: string,
): Promise<AdrWithContent> {
  const adr = await ctx.adrs.get(adrId);
  if (!adr) throw new NotFoundError(`No ADR ${adrId}`);
  return adr;
}
