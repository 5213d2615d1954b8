import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AdrIndex,
  AdrStatusHistory,
  AdrWithContent,
  EntityCheck,
  GovernanceApiClient,
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
  PolicyCompliance,
  TypedResponse,
} from '@datamesh-governance/plugin-governance-common';
import { GovernanceApi } from './GovernanceApi';

/**
 * The governance API over the backend's OpenAPI client, with `fetchApi` so
 * that calls carry the user's token. A failed call throws `ResponseError`;
 * a 400's per-field issues stay in its `body.error.issues`.
 * @public
 */
export class GovernanceClient implements GovernanceApi {
  private readonly client: GovernanceApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new GovernanceApiClient(options);
  }

  async listAdrs(): Promise<AdrIndex> {
    return bodyOf(await this.client.listAdrs({}));
  }

  async getAdr(adrId: string): Promise<AdrWithContent> {
    return bodyOf(await this.client.getAdr({ path: { adrId } }));
  }

  async getOpinions(adrId: string): Promise<OpinionSummary> {
    return bodyOf(await this.client.getOpinions({ path: { adrId } }));
  }

  async getOpinionHistory(adrId: string): Promise<OpinionRevision[]> {
    const page = await bodyOf(
      await this.client.getOpinionHistory({ path: { adrId } }),
    );
    return page.items;
  }

  async getAdrStatusHistory(adrId: string): Promise<AdrStatusHistory> {
    return bodyOf(await this.client.getAdrStatusHistory({ path: { adrId } }));
  }

  async recordOpinion(adrId: string, input: OpinionInput): Promise<Opinion> {
    const { stance, perspective, comment } = input;
    return bodyOf(
      await this.client.recordOpinion({
        path: { adrId },
        body: { stance, perspective, comment },
      }),
    );
  }

  async listPolicies(
    options: { adrId?: string } = {},
  ): Promise<PolicyCompliance[]> {
    const page = await bodyOf(
      await this.client.listPolicies({ query: { adrId: options.adrId } }),
    );
    return page.items;
  }

  async getEntityChecks(entityRef: string): Promise<EntityCheck[]> {
    const page = await bodyOf(
      await this.client.getEntityChecks({ query: { entityRef } }),
    );
    return page.items;
  }
}

async function bodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response.json();
}
