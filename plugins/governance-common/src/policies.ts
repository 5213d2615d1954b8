import type { EntityCheck } from './generated/models';

// Policies, their compliance and an entity's checks, as the backend answers
// them, are the OpenAPI spec's models, not copies.
export type {
  EntityCheck,
  PolicyAdrRef,
  PolicyCompliance,
  PolicyDefinition,
} from './generated/models';

/** The outcome of one policy check on one entity. @public */
export type PolicyCheckResult = Pick<
  EntityCheck,
  'policyId' | 'entityRef' | 'passed' | 'message'
>;
