import type { ProcessingActivity } from './processingActivity';

/** Where an access request is in its life. @public */
export type AccessRequestStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'revoked';

/** What can happen to an access request. @public */
export type AccessRequestAction =
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'revoke'
  | 'expire';

/** The legal basis of a request: a pointer to the activity and a copy of it at request time. @public */
export type LegalBasisSnapshot = ProcessingActivity & {
  /** When the copy was taken (ISO timestamp). */
  capturedAt: string;
};

/** @public */
export type AccessRequest = {
  id: string;
  /** Entity ref of the data product. */
  entityRef: string;
  outputPort: string;
  /** Who gets access: a user, a group, or a component acting as a service. */
  subjectRef: string;
  /** Who asked; always the signed-in user. */
  requesterRef: string;
  purpose: string;
  legalBasis?: LegalBasisSnapshot;
  /** `auto` ports are granted at once, still audited. */
  approvalMode: 'required' | 'auto';
  /** Status as of now: expiry is evaluated when the request is read. */
  status: AccessRequestStatus;
  /** When access ends (ISO timestamp); owners may shorten it on approval. */
  endsAt: string;
  createdAt: string;
  updatedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  /** The owners and approvers as the catalog said at decision time. */
  decidersAtDecision?: string[];
  /** Who cancelled or revoked it, when and why. */
  closedBy?: string;
  closedAt?: string;
  closingReason?: string;
  /**
   * Where the grant stands where the data lives, for requests that were
   * approved: absent when nothing was ever to be provisioned.
   */
  provisioning?: ProvisioningState;
};

/**
 * Where a grant stands where the data lives: `pending` until the grant is
 * applied, `manual` when no provisioner handles the port's server type (the
 * owner applies it by hand, see `instructions`), `revoking`/`revoked` once
 * access ends, `failed` after the last retry (see `error`). @public
 */
export type ProvisioningStateName =
  | 'pending'
  | 'applied'
  | 'failed'
  | 'manual'
  | 'revoking'
  | 'revoked';

/** @public */
export type ProvisioningState = {
  state: ProvisioningStateName;
  /** Whether the latest job gives access or takes it back. */
  operation: 'grant' | 'revoke';
  /** Attempts of the latest job so far. */
  attempts: number;
  /** Why the last attempt failed, as the provisioner said. */
  error?: string;
  /** For `manual`: what to apply by hand. */
  instructions?: string;
  updatedAt: string;
};

/**
 * Audit actions of provisioning: a grant applied, access taken back, a job
 * that failed for good. @public
 */
export type ProvisioningAuditAction =
  | 'provision'
  | 'unprovision'
  | 'provision-fail';

/** One row of a request's append-only audit trail. @public */
export type AccessRequestAuditEntry = {
  id: number;
  requestId: string;
  action: 'create' | AccessRequestAction | ProvisioningAuditAction;
  actorRef: string;
  fromStatus?: AccessRequestStatus;
  toStatus: AccessRequestStatus;
  at: string;
};

/** @public */
export type AccessRequestWithAudit = AccessRequest & {
  audit: AccessRequestAuditEntry[];
};

/** A page of a keyset-paginated list. @public */
export type Page<T> = { items: T[]; nextCursor?: string };

/** Outcome of one item of a bulk decision. @public */
/**
 * How many requests match a list filter, counted up to 100: `more` when
 * there are more (the badge shows "99+").
 * @public
 */
export type AccessRequestCount = { count: number; more: boolean };

/** @public */
export type BulkDecisionResult =
  | { id: string; ok: true; request: AccessRequest }
  | { id: string; ok: false; status: number; error: string };
