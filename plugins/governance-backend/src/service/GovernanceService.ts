import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
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

/** What recording an opinion did; `unchanged` when it equals the current one. */
type RecordedOpinion = {
  opinion: Opinion;
  outcome: 'created' | 'changed' | 'unchanged';
};

/**
 * The governance rules, behind the REST API: which ADRs take opinions, how
 * they are counted, who may record them and read policy checks, and whose
 * view of the catalog the checks run on. Errors are `@backstage/errors` types.
 */
export interface GovernanceService {
  listAdrs(): Promise<AdrIndex>;
  /** @throws NotFoundError */
  getAdr(adrId: string): Promise<AdrWithContent>;
  /** Current opinions, counted per perspective and stance. */
  getOpinions(adrId: string): Promise<OpinionSummary>;
  getOpinionHistory(adrId: string): Promise<OpinionRevision[]>;
  /** The statuses the portal saw the ADR go through, and its recorded decision. */
  getStatusHistory(adrId: string): Promise<AdrStatusHistory>;
  /**
   * Records the caller's opinion.
   * @throws NotAllowedError without `governance.opinion.create`;
   *   ConflictError unless the ADR is proposed and not recorded decided
   */
  recordOpinion(
    adrId: string,
    input: OpinionInput,
    options: { credentials: BackstageCredentials<BackstageUserPrincipal> },
  ): Promise<RecordedOpinion>;
  /**
   * Compliance per policy over the data products the caller may see.
   * @throws NotAllowedError without `governance.policy-check.read`
   */
  listPolicies(options: {
    adrId?: string;
    credentials: BackstageCredentials;
  }): Promise<PolicyCompliance[]>;
  /**
   * One entity's checks; NotFoundError when the caller may not see it.
   * @throws NotAllowedError without `governance.policy-check.read`
   */
  getEntityChecks(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCheck[]>;
}
