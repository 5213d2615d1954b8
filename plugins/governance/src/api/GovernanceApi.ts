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
}

/** @public */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
