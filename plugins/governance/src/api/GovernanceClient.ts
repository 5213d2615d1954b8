import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AdrIndex,
  AdrWithContent,
  EntityCheck,
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';
import { GovernanceApi } from './GovernanceApi';

/** Talks to the governance backend over `fetchApi`, so calls carry the user's token. @public */
export class GovernanceClient implements GovernanceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listAdrs(): Promise<AdrIndex> {
    return this.request('/adrs');
  }

  getAdr(adrId: string): Promise<AdrWithContent> {
    return this.request(`/adrs/${encodeURIComponent(adrId)}`);
  }

  getOpinions(adrId: string): Promise<OpinionSummary> {
    return this.request(`/adrs/${encodeURIComponent(adrId)}/opinions`);
  }

  async getOpinionHistory(adrId: string): Promise<OpinionRevision[]> {
    const page = await this.request<{ items: OpinionRevision[] }>(
      `/adrs/${encodeURIComponent(adrId)}/opinions/history`,
    );
    return page.items;
  }

  recordOpinion(adrId: string, input: OpinionInput): Promise<Opinion> {
    const { stance, perspective, comment } = input;
    return this.request(`/adrs/${encodeURIComponent(adrId)}/opinions/mine`, {
      method: 'PUT',
      body: { stance, perspective, comment },
    });
  }

  async listPolicies(
    options: { adrId?: string } = {},
  ): Promise<PolicyCompliance[]> {
    const page = await this.request<{ items: PolicyCompliance[] }>(
      `/policies${toQuery({ adrId: options.adrId })}`,
    );
    return page.items;
  }

  async getEntityChecks(entityRef: string): Promise<EntityCheck[]> {
    const page = await this.request<{ items: EntityCheck[] }>(
      `/checks${toQuery({ entityRef })}`,
    );
    return page.items;
  }

  private async request<T>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('governance');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function toQuery(params: Record<string, string | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
