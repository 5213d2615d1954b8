// @ts-check

/**
 * Insights and the Art. 30 report read the audit trail by action and time:
 * the metrics count the events of a period (`action IN (...) AND at
 * BETWEEN`), the report walks the approvals before a date newest first
 * (keyset on at, id). Without this index both scanned the whole trail.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('access_request_audit', table => {
    table.index(['action', 'at', 'id'], 'access_request_audit_action_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('access_request_audit', table => {
    table.dropIndex(
      ['action', 'at', 'id'],
      'access_request_audit_action_at_idx',
    );
  });
};
