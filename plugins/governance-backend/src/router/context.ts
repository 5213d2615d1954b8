import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  AdrWithContent,
  isAdrIdShaped,
  MAX_ADR_ID_LENGTH,
} from '@datamesh-governance/plugin-governance-common';
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
  const adr = await ctx.adrs.get(checkAdrId(adrId));
  if (!adr) throw new NotFoundError(`No ADR ${adrId}`);
  return adr;
}

/**
 * Refuses what cannot be an ADR id (NUL, slashes, over-long values) with a
 * 400 before it is looked up or reaches a database column.
 */
export function checkAdrId(adrId: string): string {
  if (!isAdrIdShaped(adrId)) {
    throw new InputError(
      `adrId must be letters, digits, ".", "_" or "-", at most ${MAX_ADR_ID_LENGTH} characters`,
    );
  }
  return adrId;
}
