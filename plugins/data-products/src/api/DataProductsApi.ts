import { createApiRef } from '@backstage/core-plugin-api';
import {
  AccessMetrics,
  AccessRequest,
  AccessRequestCount,
  AccessRequestWithAudit,
  BulkDecision,
  BulkDecisionResult,
  CreateAccessRequest,
  ListAccessRequestsQuery,
  Page,
  PersonalDataAccessReport,
  ProcessingActivity,
  ProvisioningState,
} from '@datamesh-governance/plugin-data-products-common';

/** Query of `listRequests`; every field is optional. @public */
export type AccessRequestListOptions = Partial<ListAccessRequestsQuery>;

/**
 * Period, grouping and filters of `getMetrics`. `from` and `to` are dates
 * (yyyy-mm-dd) or ISO instants; filters are entity refs.
 * @public
 */
export type MetricsQuery = {
  from: string;
  to: string;
  groupBy?: 'month' | 'product' | 'owner';
  entityRef?: string;
  owner?: string;
  domain?: string;
  classification?: string;
};

/** The date (yyyy-mm-dd) the Art. 30 report is drawn up for, and its page. @public */
export type PersonalDataAccessReportQuery = {
  at?: string;
  cursor?: string;
  limit?: number;
};

/**
 * The data-products backend as the frontend sees it. Errors are thrown as
 * `ResponseError`, never turned into empty results.
 * @public
 */
export interface DataProductsApi {
  searchLegalBases(query: string): Promise<ProcessingActivity[]>;
  createRequest(
    body: CreateAccessRequest,
    options?: { idempotencyKey?: string },
  ): Promise<AccessRequest>;
  listRequests(
    options?: AccessRequestListOptions,
  ): Promise<Page<AccessRequest>>;
  /** Counts what `listRequests` would list, up to 100 (the inbox badge). */
  countRequests(
    options?: Omit<
      AccessRequestListOptions,
      'cursor' | 'limit' | 'sort' | 'order'
    >,
  ): Promise<AccessRequestCount>;
  listGrants(
    options?: Pick<AccessRequestListOptions, 'entityRef' | 'cursor' | 'limit'>,
  ): Promise<Page<AccessRequest>>;
  getRequest(id: string): Promise<AccessRequestWithAudit>;
  approve(
    id: string,
    body?: { reason?: string; endsAt?: string },
  ): Promise<AccessRequest>;
  reject(id: string, body: { reason: string }): Promise<AccessRequest>;
  revoke(id: string, body: { reason: string }): Promise<AccessRequest>;
  cancel(id: string, body?: { reason?: string }): Promise<AccessRequest>;
  decide(body: BulkDecision): Promise<BulkDecisionResult[]>;
  /** Sends a grant's failed provisioning back to the worker (deciders only). */
  retryProvisioning(id: string): Promise<ProvisioningState>;
  /** Decision times, rejections and the queue, aggregated (names nobody). */
  getMetrics(query: MetricsQuery): Promise<AccessMetrics>;
  /** Who could read which personal data at a date; 403 without the report permission. */
  getPersonalDataAccessReport(
    query?: PersonalDataAccessReportQuery,
  ): Promise<PersonalDataAccessReport>;
  /** The whole report at `at` as the backend's CSV file. */
  downloadPersonalDataAccessReportCsv(query?: { at?: string }): Promise<Blob>;
}

/**
 * Window event the client fires after a request was created or decided, so
 * that counts elsewhere on the page (the sidebar badge) refresh at once.
 * @public
 */
export const ACCESS_REQUESTS_CHANGED_EVENT =
  'data-products:access-requests-changed';

/** @public */
export const dataProductsApiRef = createApiRef<DataProductsApi>({
  id: 'plugin.data-products.service',
});
