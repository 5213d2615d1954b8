import { createApiRef } from '@backstage/core-plugin-api';
import {
  AdrIndex,
  AdrStatusHistory,
  AdrWithContent,
  EntityCheck,
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
  PolicyCompliance,
  Problem,
  ProblemInput,
  ProblemPage,
  ProblemStatus,
} from '@datamesh-governance/plugin-governance-common';

/**
 * The governance backend as the frontend sees it. Errors are thrown as
 * `ResponseError`, never turned into empty results.
 * @public
 */
export interface GovernanceApi {
  listAdrs(): Promise<AdrIndex>;
  getAdr(adrId: string): Promise<AdrWithContent>;
  getOpinions(adrId: string): Promise<OpinionSummary>;
  getOpinionHistory(adrId: string): Promise<OpinionRevision[]>;
  /** The statuses the portal saw the ADR go through, and the decision with the opinions it weighed. */
  getAdrStatusHistory(adrId: string): Promise<AdrStatusHistory>;
  /** Records the signed-in user's opinion; the author is taken from their token. */
  recordOpinion(adrId: string, input: OpinionInput): Promise<Opinion>;
  listPolicies(options?: { adrId?: string }): Promise<PolicyCompliance[]>;
  getEntityChecks(entityRef: string): Promise<EntityCheck[]>;
  /** One page of raised problems, most supported first; pass `nextCursor` for the next. */
  listProblems(options?: {
    status?: ProblemStatus;
    limit?: number;
    cursor?: string;
  }): Promise<ProblemPage>;
  /** Raises a problem as the signed-in user. */
  raiseProblem(input: ProblemInput): Promise<Problem>;
  supportProblem(problemId: string): Promise<Problem>;
  withdrawProblemSupport(problemId: string): Promise<Problem>;
  /** The forum's: the ADR that answers the problem. */
  linkProblemAdr(problemId: string, adrId: string): Promise<Problem>;
  unlinkProblemAdr(problemId: string): Promise<Problem>;
  /** The forum's: closes the problem with a reason. */
  closeProblem(problemId: string, reason: string): Promise<Problem>;
}

/** @public */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
