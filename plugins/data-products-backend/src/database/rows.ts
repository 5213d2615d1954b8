import type {
  AccessRequest,
  AccessRequestAuditEntry,
  AccessRequestStatus,
} from '@datamesh-governance/plugin-data-products-common';

export type AccessRequestRow = {
  id: string;
  entity_ref: string;
  output_port: string;
  subject_ref: string;
  requester_ref: string;
  purpose: string;
  legal_basis_register_id: string | null;
  legal_basis_activity_id: string | null;
  legal_basis_snapshot: string | null;
  approval_mode: string;
  status: AccessRequestStatus;
  // PostgreSQL returns bigint columns as strings.
  ends_at: number | string;
  created_at: number | string;
  updated_at: number | string;
  decided_by: string | null;
  decided_at: number | string | null;
  decision_reason: string | null;
  deciders_at_decision: string | null;
  closed_by: string | null;
  closed_at: number | string | null;
  closing_reason: string | null;
  channel: string;
};

/** Every column of a request, each once (the record makes leaving one out a type error). */
const requestColumns: Record<keyof AccessRequestRow, true> = {
  id: true,
  entity_ref: true,
  output_port: true,
  subject_ref: true,
  requester_ref: true,
  purpose: true,
  legal_basis_register_id: true,
  legal_basis_activity_id: true,
  legal_basis_snapshot: true,
  approval_mode: true,
  status: true,
  ends_at: true,
  created_at: true,
  updated_at: true,
  decided_by: true,
  decided_at: true,
  decision_reason: true,
  deciders_at_decision: true,
  closed_by: true,
  closed_at: true,
  closing_reason: true,
  channel: true,
};

/**
 * The columns by name rather than `*`: a prepared statement's result must
 * not change shape when a later migration (another replica, mid-deploy) adds
 * a column.
 */
export const REQUEST_COLUMNS = Object.keys(
  requestColumns,
) as (keyof AccessRequestRow)[];

export type AuditRow = {
  id: number;
  request_id: string;
  action: string;
  actor_ref: string;
  from_status: AccessRequestStatus | null;
  to_status: AccessRequestStatus;
  at: number | string;
};

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const optionalIso = (ms: number | string | null) =>
  ms === null ? undefined : iso(ms);

/** A row as stored; the status is the stored one, before read-time expiry. */
export function rowToRequest(row: AccessRequestRow): AccessRequest {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    outputPort: row.output_port,
    subjectRef: row.subject_ref,
    requesterRef: row.requester_ref,
    purpose: row.purpose,
    legalBasis: row.legal_basis_snapshot
      ? JSON.parse(row.legal_basis_snapshot)
      : undefined,
    approvalMode: row.approval_mode === 'auto' ? 'auto' : 'required',
    status: row.status,
    endsAt: iso(row.ends_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    decidedBy: row.decided_by ?? undefined,
    decidedAt: optionalIso(row.decided_at),
    decisionReason: row.decision_reason ?? undefined,
    decidersAtDecision: row.deciders_at_decision
      ? JSON.parse(row.deciders_at_decision)
      : undefined,
    closedBy: row.closed_by ?? undefined,
    closedAt: optionalIso(row.closed_at),
    closingReason: row.closing_reason ?? undefined,
    channel: row.channel === 'assistant' ? 'assistant' : 'portal',
  };
}

export function rowToAuditEntry(row: AuditRow): AccessRequestAuditEntry {
  return {
    id: Number(row.id),
    requestId: row.request_id,
    action: row.action as AccessRequestAuditEntry['action'],
    actorRef: row.actor_ref,
    fromStatus: row.from_status ?? undefined,
    toStatus: row.to_status,
    at: iso(row.at),
  };
}
