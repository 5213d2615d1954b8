// The ONLY file that knows the data-products plugin's table layout
// (plugins/data-products-backend/migrations). When the schema changes,
// change this file and nothing else in the benchmark.
//
// A request, as generateRequests makes it:
//   { id, entityRef, outputPort, subjectRef, requesterRef, purpose,
//     legalBasis?, approvalMode, status, createdAt, updatedAt, endsAt,
//     decidedBy, decidedAt, decisionReason, decidersAtDecision: [refs] | null,
//     closedBy, closedAt, closingReason,
//     deciders: [refs],   // owners and approvers of the port at creation
//     history: [{ action, actorRef, fromStatus, toStatus, at }] }
// Times are epoch milliseconds; every ref is lower-case and full.

/** Requests per transaction: big enough to be fast, small enough to stay bounded. */
const BATCH = 1000;
/** Rows per INSERT statement, within SQLite's 32,766 bound parameters (9–22 columns). */
const ROWS_PER_INSERT = 500;

function requestRow(r) {
  return {
    id: r.id,
    entity_ref: r.entityRef,
    output_port: r.outputPort,
    subject_ref: r.subjectRef,
    requester_ref: r.requesterRef,
    purpose: r.purpose,
    legal_basis_register_id: r.legalBasis?.registerId ?? null,
    legal_basis_activity_id: r.legalBasis?.id ?? null,
    legal_basis_snapshot: r.legalBasis ? JSON.stringify(r.legalBasis) : null,
    approval_mode: r.approvalMode,
    status: r.status,
    ends_at: r.endsAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt,
    decision_reason: r.decisionReason,
    deciders_at_decision: r.decidersAtDecision
      ? JSON.stringify(r.decidersAtDecision)
      : null,
    closed_by: r.closedBy,
    closed_at: r.closedAt,
    closing_reason: r.closingReason,
  };
}

/** Who sees the request and why: requester, subject, each decider. */
const viewerRows = r => {
  const copy = {
    request_id: r.id,
    status: r.status,
    created_at: r.createdAt,
    ends_at: r.endsAt,
    entity_ref: r.entityRef,
    requester_ref: r.requesterRef,
    subject_ref: r.subjectRef,
  };
  return [
    { ...copy, viewer_ref: r.requesterRef, role: 'requester' },
    { ...copy, viewer_ref: r.subjectRef, role: 'subject' },
    ...[...new Set(r.deciders)].map(ref => ({
      ...copy,
      viewer_ref: ref,
      role: 'decider',
    })),
  ];
};

const auditRows = r =>
  r.history.map(h => ({
    request_id: r.id,
    action: h.action,
    actor_ref: h.actorRef,
    from_status: h.fromStatus,
    to_status: h.toStatus,
    at: h.at,
  }));

async function insertAll(tx, table, rows) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx(table).insert(rows.slice(i, i + ROWS_PER_INSERT));
  }
}

/**
 * Writes `requests` with their deciders and audit trail straight into the
 * plugin's tables, after the plugin has migrated them. One transaction per
 * batch of requests.
 * @param {import('knex').Knex} knex the data-products plugin's database
 * @param {object[]} requests
 */
export async function seedRequests(knex, requests) {
  for (let i = 0; i < requests.length; i += BATCH) {
    const batch = requests.slice(i, i + BATCH);
    await knex.transaction(async tx => {
      await insertAll(tx, 'access_requests', batch.map(requestRow));
      await insertAll(tx, 'access_request_viewers', batch.flatMap(viewerRows));
      await insertAll(tx, 'access_request_audit', batch.flatMap(auditRows));
    });
  }
}
