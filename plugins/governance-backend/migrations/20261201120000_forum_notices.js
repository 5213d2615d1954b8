// @ts-check

/**
 * What the forum's notifications need to be sent once across replicas and
 * restarts, and since when a data product has been failing an enforced
 * policy.
 *
 * Timestamps are UTC epoch milliseconds (bigint), as in the opinions tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_notices', table => {
    table.comment(
      'Notices already sent: a row is inserted (if absent) before sending',
    );
    table
      .string('kind')
      .notNullable()
      .comment('proposed, opinions-due, opinions-digest');
    table
      .string('subject')
      .notNullable()
      .comment("The ADR id; for a digest, the proposer's entity ref");
    table
      .string('notice_key')
      .notNullable()
      .comment('What makes a repeat a new notice, e.g. the due date or day');
    table.bigInteger('sent_at').notNullable();
    table.primary(['kind', 'subject', 'notice_key']);
  });

  await knex.schema.createTable('governance_policy_failures', table => {
    table.comment(
      'Data products failing an enforced policy, refreshed by a sweep',
    );
    table.string('policy_id').notNullable();
    table.string('entity_ref').notNullable();
    table.bigInteger('failing_since').notNullable();
    table
      .bigInteger('checked_at')
      .notNullable()
      .comment('The sweep that last saw it failing');
    table
      .bigInteger('notified_at')
      .nullable()
      .comment('When the owners were told; once per failing_since');
    table.primary(['policy_id', 'entity_ref']);
    table.index(['entity_ref'], 'governance_policy_failures_entity_idx');
    table.index(['checked_at'], 'governance_policy_failures_checked_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_policy_failures');
  await knex.schema.dropTable('governance_notices');
};
