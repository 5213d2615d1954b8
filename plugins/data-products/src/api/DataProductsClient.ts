import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AccessRequest,
  AccessRequestCount,
  AccessRequestWithAudit,
  BulkDecision,
  BulkDecisionResult,
  CreateAccessRequest,
  Page,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import {
  ACCESS_REQUESTS_CHANGED_EVENT,
  AccessRequestListOptions,
  DataProductsApi,
} from './DataProductsApi';

/** Talks to the data-products backend over `fetchApi`, so calls carry the user's token. @public */
export class DataProductsClient implements DataProductsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async searchLegalBases(query: string): Promise<ProcessingActivity[]> {
    const page = await this.request<{ items: ProcessingActivity[] }>(
      `/legal-bases${toQuery({ q: query })}`,
    );
    return page.items;
  }

  createRequest(
    body: CreateAccessRequest,
    options?: { idempotencyKey?: string },
  ): Promise<AccessRequest> {
    return this.request('/requests', {
      method: 'POST',
      body,
      headers: options?.idempotencyKey
        ? { 'Idempotency-Key': options.idempotencyKey }
        : undefined,
    });
  }

  listRequests(options: AccessRequestListOptions = {}) {
    return this.request<Page<AccessRequest>>(`/requests${toQuery(options)}`);
  }

  countRequests(
    options: Omit<
      AccessRequestListOptions,
      'cursor' | 'limit' | 'sort' | 'order'
    > = {},
  ) {
    return this.request<AccessRequestCount>(
      `/requests/count${toQuery(options)}`,
    );
  }

  listGrants(
    options: Pick<
      AccessRequestListOptions,
      'entityRef' | 'cursor' | 'limit'
    > = {},
  ) {
    return this.request<Page<AccessRequest>>(`/grants${toQuery(options)}`);
  }

  getRequest(id: string) {
    return this.request<AccessRequestWithAudit>(
      `/requests/${encodeURIComponent(id)}`,
    );
  }

  approve(id: string, body: { reason?: string; endsAt?: string } = {}) {
    return this.decision(id, 'approve', body);
  }

  reject(id: string, body: { reason: string }) {
    return this.decision(id, 'reject', body);
  }

  revoke(id: string, body: { reason: string }) {
    return this.decision(id, 'revoke', body);
  }

  cancel(id: string, body: { reason?: string } = {}) {
    return this.decision(id, 'cancel', body);
  }

  async decide(body: BulkDecision): Promise<BulkDecisionResult[]> {
    const response = await this.request<{ results: BulkDecisionResult[] }>(
      '/requests/decisions',
      { method: 'POST', body },
    );
    return response.results;
  }

  private decision(id: string, action: string, body: object) {
    return this.request<AccessRequest>(
      `/requests/${encodeURIComponent(id)}/${action}`,
      { method: 'POST', body },
    );
  }

  private async request<T>(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('data-products');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body === undefined
          ? init?.headers
          : { 'Content-Type': 'application/json', ...init.headers },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as T;
    if (init?.method === 'POST' && typeof window !== 'undefined') {
      window.dispatchEvent(new Event(ACCESS_REQUESTS_CHANGED_EVENT));
    }
    return body;
  }
}

function toQuery(params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
