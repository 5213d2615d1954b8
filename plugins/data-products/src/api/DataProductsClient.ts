import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AccessMetrics,
  AccessRequest,
  AccessRequestCount,
  AccessRequestWithAudit,
  BulkDecision,
  BulkDecisionResult,
  CreateAccessRequest,
  DataProductsApiClient,
  Page,
  PersonalDataAccessReport,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import {
  ACCESS_REQUESTS_CHANGED_EVENT,
  AccessRequestListOptions,
  DataProductsApi,
  MetricsQuery,
  PersonalDataAccessReportQuery,
} from './DataProductsApi';

type TypedResponse<T> = Omit<Response, 'json'> & { json(): Promise<T> };

/** An empty filter (a select left at "any") is no filter. */
function withoutEmpty<T extends object>(options: T): T {
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}

/**
 * Talks to the data-products backend through the client generated from its
 * OpenAPI spec, over `fetchApi` so that calls carry the user's token.
 * Failures are thrown as `ResponseError`; a 400's body keeps its issues.
 * @public
 */
export class DataProductsClient implements DataProductsApi {
  private readonly client: DataProductsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new DataProductsApiClient(options);
  }

  async searchLegalBases(query: string): Promise<ProcessingActivity[]> {
    const page = await this.read(
      this.client.searchLegalBases({ query: { q: query } }),
    );
    return page.items;
  }

  createRequest(
    body: CreateAccessRequest,
    options?: { idempotencyKey?: string },
  ): Promise<AccessRequest> {
    return this.change(
      this.client.createRequest({
        body,
        header: { 'Idempotency-Key': options?.idempotencyKey },
      }),
    );
  }

  listRequests(options: AccessRequestListOptions = {}) {
    return this.read<Page<AccessRequest>>(
      this.client.listRequests({ query: withoutEmpty(options) }),
    );
  }

  countRequests(
    options: Omit<
      AccessRequestListOptions,
      'cursor' | 'limit' | 'sort' | 'order'
    > = {},
  ) {
    return this.read<AccessRequestCount>(
      this.client.countRequests({ query: withoutEmpty(options) }),
    );
  }

  listGrants(
    options: Pick<
      AccessRequestListOptions,
      'entityRef' | 'cursor' | 'limit'
    > = {},
  ) {
    return this.read<Page<AccessRequest>>(
      this.client.listGrants({ query: withoutEmpty(options) }),
    );
  }

  getRequest(id: string) {
    return this.read<AccessRequestWithAudit>(
      this.client.getRequest({ path: { id } }),
    );
  }

  approve(id: string, body: { reason?: string; endsAt?: string } = {}) {
    return this.change(this.client.approveRequest({ path: { id }, body }));
  }

  reject(id: string, body: { reason: string }) {
    return this.change(this.client.rejectRequest({ path: { id }, body }));
  }

  revoke(id: string, body: { reason: string }) {
    return this.change(this.client.revokeRequest({ path: { id }, body }));
  }

  cancel(id: string, body: { reason?: string } = {}) {
    return this.change(this.client.cancelRequest({ path: { id }, body }));
  }

  async decide(body: BulkDecision): Promise<BulkDecisionResult[]> {
    const { results } = await this.change(this.client.decideRequests({ body }));
    return results;
  }

  retryProvisioning(id: string) {
    return this.read(this.client.retryProvisioning({ path: { id } }));
  }

  getMetrics(query: MetricsQuery) {
    return this.read<AccessMetrics>(
      this.client.getMetrics({ query: withoutEmpty(query) }),
    );
  }

  getPersonalDataAccessReport(query: PersonalDataAccessReportQuery = {}) {
    return this.read<PersonalDataAccessReport>(
      this.client.getPersonalDataAccessReport({
        query: withoutEmpty({ ...query, format: 'json' as const }),
      }),
    );
  }

  async downloadPersonalDataAccessReportCsv(query: { at?: string } = {}) {
    const response = await this.client.getPersonalDataAccessReport({
      query: withoutEmpty({ ...query, format: 'csv' as const }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return (response as unknown as Response).blob();
  }

  /** The answer's body, or its error thrown. */
  private async read<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
    const response = await pending;
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.json();
  }

  /** As `read`, and tells the page (the sidebar badge) that requests changed. */
  private async change<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
    const body = await this.read(pending);
    if (typeof window !== 'undefined') {
      window.dispatchEvent(new Event(ACCESS_REQUESTS_CHANGED_EVENT));
    }
    return body;
  }
}
