// @ts-check

/**
 * Access requests, who may decide them, their append-only audit trail and
 * the idempotency keys of their creation.
 *
 * Timestamps are UTC epoch milliseconds (bigint) so that SQLite and
 * PostgreSQL store and compare them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_requests', table => {
    table.comment('Requests for access to an output port of a data product');
    table.string('id').primary();
    table.string('entity_ref').notNullable();
    table.string('output_port').notNullable();
    table.string('subject_ref').notNullable();
    table.string('requester_ref').notNullable();
    table.text('purpose').notNullable();
    table.string('legal_basis_register_id').nullable();
    table.string('legal_basis_activity_id').nullable();
    table
      .text('legal_basis_snapshot')
      .nullable()
      .comment('JSON copy at request time');
    table.string('approval_mode').notNullable();
    table.string('status').notNullable();
    table.bigInteger('ends_at').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.string('decided_by').nullable();
    table.bigInteger('decided_at').nullable();
    table.text('decision_reason').nullable();
    table.text('deciders_at_decision').nullable().comment('JSON list of refs');
    table.string('closed_by').nullable().comment('who cancelled or revoked');
    table.bigInteger('closed_at').nullable();
    table.text('closing_reason').nullable();
    // Separation of duties, also where domain code is bypassed.
    table.check(
      'decided_by IS NULL OR decided_by <> requester_ref',
      [],
      'access_requests_no_self_decision',
    );
    table.index(
      ['requester_ref', 'created_at'],
      'access_requests_requester_idx',
    );
    table.index(['entity_ref', 'status'], 'access_requests_entity_idx');
    table.index(['status', 'ends_at'], 'access_requests_expiry_idx');
  });
  // One open request per requester, subject, product and port.
  await knex.raw(`
    CREATE UNIQUE INDEX access_requests_one_open
    ON access_requests (requester_ref, subject_ref, entity_ref, output_port)
    WHERE status IN ('pending', 'approved')
  `);

  await knex.schema.createTable('access_request_deciders', table => {
    table.comment('Owners and approvers of the port when the request was made');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .onDelete('CASCADE');
    table.string('decider_ref').notNullable();
    table.primary(['request_id', 'decider_ref']);
    table.index(['decider_ref'], 'access_request_deciders_ref_idx');
  });

  await knex.schema.createTable('access_request_audit', table => {
    table.comment('Append-only trail of every transition; never free text');
    table.increments('id');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests');
    table.string('action').notNullable();
    table.string('actor_ref').notNullable();
    table.string('from_status').nullable();
    table.string('to_status').notNullable();
    table.bigInteger('at').notNullable();
    table.index(['request_id', 'id'], 'access_request_audit_request_idx');
  });

  await knex.schema.createTable('access_request_idempotency', table => {
    table.comment('Idempotency-Key of POST /requests, per requester');
    table.string('requester_ref').notNullable();
    table.string('key').notNullable();
    table.string('body_hash').notNullable();
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests');
    table.bigInteger('created_at').notNullable();
    table.primary(['requester_ref', 'key']);
  });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION access_request_audit_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'access_request_audit is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER access_request_audit_append_only
      BEFORE UPDATE OR DELETE ON access_request_audit
      FOR EACH ROW EXECUTE FUNCTION access_request_audit_append_only();
    `);
  } else if (knex.client.config.client.includes('sqlite')) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER access_request_audit_no_${operation.toLowerCase()}
        BEFORE ${operation} ON access_request_audit
        BEGIN SELECT RAISE(ABORT, 'access_request_audit is append-only'); END;
      `);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_request_idempotency');
  await knex.schema.dropTable('access_request_audit');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS access_request_audit_append_only()',
    );
  }
  await knex.schema.dropTable('access_request_deciders');
  await knex.schema.dropTable('access_requests');
};
