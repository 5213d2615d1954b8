import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  AdrPolicyRef,
  PolicyDefinition,
} from '@datamesh-governance/plugin-governance-common';

/**
 * The parameters the forum decided for a policy: the ADR's `policies` entry
 * without its id, e.g. `{ maxDuration: 'P180D' }`. Empty when the ADR names
 * the policy by id only.
 * @public
 */
export type PolicyCheckParams = NonNullable<AdrPolicyRef['params']>;

/** @public */
export type PolicyCheckOutcome = {
  passed: boolean;
  /** Why it failed, in words the owner can act on. */
  message?: string;
};

/**
 * A policy the platform enforces on catalog entities. Its `id` is the one
 * ADRs name in their `policies` front matter; the backend hands the check the
 * parameters of the ADR that introduces it.
 * @public
 */
export type PolicyCheck = PolicyDefinition & {
  /** Whether the policy says anything about this entity (e.g. only DataProducts with personal data). */
  appliesTo(entity: Entity): boolean;
  /** Called only for entities the check applies to. Pure and fast: it runs per request. */
  check(entity: Entity, params: PolicyCheckParams): PolicyCheckOutcome;
};

/** @public */
export interface GovernancePolicyChecksExtensionPoint {
  /** Adds a check; its id must be unique among the backend's checks. */
  addPolicyCheck(check: PolicyCheck): void;
}

/**
 * Lets backend modules add policy checks to the governance backend.
 * @public
 */
export const governancePolicyChecksExtensionPoint =
  createExtensionPoint<GovernancePolicyChecksExtensionPoint>({
    id: 'governance.policy-checks',
  });
