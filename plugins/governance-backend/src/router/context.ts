import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { ProblemService } from '../problems/ProblemService';
import { GovernanceService } from '../service/GovernanceService';

/** The router typed from the OpenAPI spec. */
export type GovernanceApiRouter = Awaited<
  ReturnType<typeof createOpenApiRouter>
>;

/** What the route handlers need, built once in the plugin. */
export type RouterContext = {
  service: GovernanceService;
  problems: ProblemService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
};

/** Every route is for signed-in users and other plugins; anonymous callers get 401. */
export function callerCredentials(
  ctx: RouterContext,
  req: Parameters<HttpAuthService['credentials']>[0],
) {
  return ctx.httpAuth.credentials(req, { allow: ['user', 'service'] });
}
