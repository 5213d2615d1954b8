// @ts-check

/**
 * Insights and the Art. 30 report read the audit trail by action and time:
 * the metrics count the events of a period (`action IN (...) AND at
 * BETWEEN`), the report walks the approvals before a date newest first
 * (keyset on at, id). The medians and p90s read the owners' decisions of a
 * period (decided_at, created_at) and the grants applied (a grant job's
 * created_at is its approval, updated_at when it was applied) from indexes
 * alone. Without these every figure scanned a whole table.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('access_request_audit', table => {
    // Covering: the counts and the report's walk read no table rows.
    table.index(
      ['action', 'at', 'id', 'request_id', 'actor_ref', 'from_status'],
      'access_request_audit_action_at_idx',
    );
  });
  await knex.schema.alterTable('access_requests', table => {
    table.index(
      ['decided_at', 'created_at', 'entity_ref'],
      'access_requests_decided_idx',
    );
    // The report's activities: each activity and port ever asked for, and
    // a probe for one active grant of each among the requests not ended yet.
    table.index(
      [
        'legal_basis_register_id',
        'legal_basis_activity_id',
        'entity_ref',
        'output_port',
        'ends_at',
      ],
      'access_requests_legal_basis_idx',
    );
  });
  await knex.schema.alterTable('access_request_provisioning', table => {
    table.index(
      ['operation', 'status', 'created_at', 'updated_at', 'request_id'],
      'access_request_provisioning_applied_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('access_request_provisioning', table => {
    table.dropIndex(
      ['operation', 'status', 'created_at', 'updated_at', 'request_id'],
      'access_request_provisioning_applied_idx',
    );
  });
  await knex.schema.alterTable('access_requests', table => {
    table.dropIndex(
      [
        'legal_basis_register_id',
        'legal_basis_activity_id',
        'entity_ref',
        'output_port',
        'ends_at',
      ],
      'access_requests_legal_basis_idx',
    );
    table.dropIndex(
      ['decided_at', 'created_at', 'entity_ref'],
      'access_requests_decided_idx',
    );
  });
  await knex.schema.alterTable('access_request_audit', table => {
    table.dropIndex(
      ['action', 'at', 'id', 'request_id', 'actor_ref', 'from_status'],
      'access_request_audit_action_at_idx',
    );
  });
};
