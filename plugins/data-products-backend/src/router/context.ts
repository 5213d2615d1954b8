import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Viewer } from '../database/AccessRequestStore';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';
import { AccessRequestService } from '../service/AccessRequestService';
import {
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  AccessRequestFilter,
  AccessRequestResource,
} from '@datamesh-governance/plugin-data-products-node';
import { AnyRequest } from './types';
import { AccessMetricsStore } from '../database/AccessMetricsStore';
import { PersonalDataReportStore } from '../database/PersonalDataReportStore';
import { InsightsProducts } from '../insights/InsightsProducts';
import { BackgroundEffects } from '../service/BackgroundEffects';

/** What the route handlers need, built once in the plugin. */
export type RouterContext = {
  service: AccessRequestService;
  registries: LegalBasisRegistries;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  /** The Insights' figures and the Art. 30 report. */
  insights: {
    metrics: AccessMetricsStore;
    report: PersonalDataReportStore;
    products: InsightsProducts;
  };
  /** Turns a conditional decision's conditions into filters the store applies. */
  toCriteria: (
    conditions: PermissionCriteria<PermissionCondition>,
  ) => PermissionCriteria<AccessRequestFilter>;
  /** Whether a decision, conditional or not, allows this request. */
  conditionsAllow: (
    decision: PolicyDecision,
    request: AccessRequestResource,
  ) => boolean;
  /** Where decisions' notifications, signals and refreshes run after the answer. */
  effects: BackgroundEffects;
};

/** The signed-in user (never a service) and everything they own or belong to. */
export async function userOf(ctx: RouterContext, req: AnyRequest) {
  const credentials = await ctx.httpAuth.credentials(req, { allow: ['user'] });
  return { credentials, viewer: await viewerOf(ctx.userInfo, credentials) };
}

/** The user and the groups and entities they own or belong to. */
export async function viewerOf(
  userInfo: UserInfoService,
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): Promise<Viewer> {
  const info = await userInfo.getUserInfo(credentials);
  return {
    userRef: credentials.principal.userEntityRef,
    claims: [
      ...new Set([
        credentials.principal.userEntityRef,
        ...info.ownershipEntityRefs,
      ]),
    ],
  };
}

/**
 * Runs a mutation inside an auditor event. Meta holds ids and refs only,
 * never the free-text purpose or reasons. Every mutation of an access
 * request concerns who may read which data, often personal data, so the
 * events are `medium`: the default (`low`) is logged at debug level only.
 */
export async function audited<T extends { id: string; status: string }>(
  ctx: Pick<RouterContext, 'auditor'>,
  /** None when an action, not a route, makes the change. */
  req: AnyRequest | undefined,
  eventId: string,
  meta: Record<string, string>,
  run: () => Promise<T>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: req,
    meta,
  });
  try {
    const result = await run();
    await event.success({
      meta: { requestId: result.id, status: result.status },
    });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
