import type { ProvisioningState } from '../generated/models';

// What the backend answers is what its OpenAPI spec says: these types are the
// ones generated from it (`yarn openapi:generate`), not copies.
export type {
  AccessRequest,
  AccessRequestAuditEntry,
  AccessRequestCount,
  AccessRequestStatus,
  AccessRequestWithAudit,
  BulkDecisionResult,
  LegalBasisSnapshot,
  ProvisioningState,
} from '../generated/models';

/**
 * What can happen to an access request; with `create` and the
 * {@link ProvisioningAuditAction}s, the actions of its audit trail
 * (contract.test.ts checks that against the spec).
 * @public
 */
export type AccessRequestAction =
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'revoke'
  | 'expire';

/**
 * Where a grant stands where the data lives: `pending` until the grant is
 * applied, `manual` when no provisioner handles the port's server type (the
 * owner applies it by hand, see `instructions`), `revoking`/`revoked` once
 * access ends, `failed` after the last retry (see `error`). @public
 */
export type ProvisioningStateName = ProvisioningState['state'];

/**
 * Audit actions of provisioning: a grant applied, access taken back, a job
 * that failed for good (contract.test.ts checks them against the spec).
 * @public
 */
export type ProvisioningAuditAction =
  | 'provision'
  | 'unprovision'
  | 'provision-fail';

/**
 * A page of a keyset-paginated list; `Page<AccessRequest>` is the spec's
 * `AccessRequestPage` (contract.test.ts checks that).
 * @public
 */
export type Page<T> = { items: T[]; nextCursor?: string };
