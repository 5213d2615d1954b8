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
  Problem,
  ProblemInput,
  ProblemPage,
  ProblemStatus,
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

  async listProblems(
    options: { status?: ProblemStatus; limit?: number; cursor?: string } = {},
  ): Promise<ProblemPage> {
    const { status, limit, cursor } = options;
    return bodyOf(
      await this.client.listProblems({ query: { status, limit, cursor } }),
    );
  }

  async raiseProblem(input: ProblemInput): Promise<Problem> {
    const { title, description, entityRefs } = input;
    return bodyOf(
      await this.client.raiseProblem({
        body: { title, description, entityRefs },
      }),
    );
  }

  async supportProblem(problemId: string): Promise<Problem> {
    return bodyOf(await this.client.supportProblem({ path: { problemId } }));
  }

  async withdrawProblemSupport(problemId: string): Promise<Problem> {
    return bodyOf(
      await this.client.withdrawProblemSupport({ path: { problemId } }),
    );
  }

  async linkProblemAdr(problemId: string, adrId: string): Promise<Problem> {
    return bodyOf(
      await this.client.linkProblemAdr({
        path: { problemId },
        body: { adrId },
      }),
    );
  }

  async unlinkProblemAdr(problemId: string): Promise<Problem> {
    return bodyOf(await this.client.unlinkProblemAdr({ path: { problemId } }));
  }

  async closeProblem(problemId: string, reason: string): Promise<Problem> {
    return bodyOf(
      await this.client.closeProblem({
        path: { problemId },
        body: { reason },
      }),
    );
  }
}

async function bodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response.json();
}
