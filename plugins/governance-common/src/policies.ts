/** A policy the platform checks on catalog entities. @public */
export type PolicyDefinition = {
  /** Kebab-case id an ADR names in its `policies` front matter. */
  id: string;
  title: string;
  description: string;
};

/** The outcome of one policy check on one entity. @public */
export type PolicyCheckResult = {
  policyId: string;
  entityRef: string;
  passed: boolean;
  /** Why it failed, in words the owner can act on. */
  message?: string;
};

/** The ADR that introduced a policy, as far as a check result needs it. @public */
export type PolicyAdrRef = { id: string; title: string; status: string };

/** Body of `GET /policies`: each policy with its ADR and compliance. @public */
export type PolicyCompliance = PolicyDefinition & {
  /** ADRs that introduce it (usually one). */
  adrs: PolicyAdrRef[];
  /** Entities the check applies to, and those that pass. */
  total: number;
  compliant: number;
  failing: Array<{ entityRef: string; title?: string; message: string }>;
};

/** Body of `GET /checks?entityRef=`: one entity's checks. @public */
export type EntityCheck = PolicyCheckResult & {
  policy: PolicyDefinition;
  adrs: PolicyAdrRef[];
};
