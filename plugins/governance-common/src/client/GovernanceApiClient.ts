import type { AdrIndex, AdrWithContent } from '../adr';
import type {
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
} from '../opinions';
import type { EntityCheck, PolicyCompliance } from '../policies';

/**
 * A fetch `Response` whose `json()` is typed.
 * @public
 */
export type TypedResponse<T> = Omit<Response, 'json'> & {
  json: () => Promise<T>;
};

/**
 * Per-call options: a token for backend-to-backend calls; in the browser
 * the `fetchApi` adds the user's.
 * @public
 */
export type RequestOptions = { token?: string };

/** @public */
export type AdrPath = { path: { adrId: string } };

/**
 * Client of the governance backend, one method per operation of its OpenAPI
 * spec (plugins/governance-backend/src/schema/openapi.yaml, named by
 * operationId), in the shape of the clients `backstage-repo-tools package
 * schema openapi generate --client-package` writes. Answers are returned as
 * they come, errors included: callers check `ok` (e.g. with
 * `ResponseError.fromResponse`).
 * @public
 */
export class GovernanceApiClient {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  /** Every ADR without its body, the sources read and the files that could not be read. */
  listAdrs(
    _request: {} = {},
    options?: RequestOptions,
  ): Promise<TypedResponse<AdrIndex>> {
    return this.call('GET', '/adrs', options);
  }

  /** One ADR with its Markdown body. */
  getAdr(
    request: AdrPath,
    options?: RequestOptions,
  ): Promise<TypedResponse<AdrWithContent>> {
    return this.call('GET', adrPath(request), options);
  }

  /** The current opinions on an ADR, counted per perspective and stance. */
  getOpinions(
    request: AdrPath,
    options?: RequestOptions,
  ): Promise<TypedResponse<OpinionSummary>> {
    return this.call('GET', `${adrPath(request)}/opinions`, options);
  }

  /** Every revision of every opinion on an ADR, oldest first. */
  getOpinionHistory(
    request: AdrPath,
    options?: RequestOptions,
  ): Promise<TypedResponse<{ items: OpinionRevision[] }>> {
    return this.call('GET', `${adrPath(request)}/opinions/history`, options);
  }

  /** Records the caller's opinion on a proposed ADR (201 when it is their first). */
  recordOpinion(
    request: AdrPath & { body: OpinionInput },
    options?: RequestOptions,
  ): Promise<TypedResponse<Opinion>> {
    return this.call(
      'PUT',
      `${adrPath(request)}/opinions/mine`,
      options,
      request.body,
    );
  }

  /** Each policy with its ADRs and compliance over the data products the caller may see. */
  listPolicies(
    request: { query: { adrId?: string } } = { query: {} },
    options?: RequestOptions,
  ): Promise<TypedResponse<{ items: PolicyCompliance[] }>> {
    return this.call('GET', `/policies${queryOf(request.query)}`, options);
  }

  /** The checks that apply to one entity, passed or not. */
  getEntityChecks(
    request: { query: { entityRef: string } },
    options?: RequestOptions,
  ): Promise<TypedResponse<{ items: EntityCheck[] }>> {
    return this.call('GET', `/checks${queryOf(request.query)}`, options);
  }

  private async call<T>(
    method: 'GET' | 'PUT',
    path: string,
    options?: RequestOptions,
    body?: unknown,
  ): Promise<TypedResponse<T>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('governance');
    return this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(options?.token && { Authorization: `Bearer ${options.token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }
}

function adrPath(request: AdrPath): string {
  return `/adrs/${encodeURIComponent(request.path.adrId)}`;
}

function queryOf(query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
