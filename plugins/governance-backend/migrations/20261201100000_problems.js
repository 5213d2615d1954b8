// @ts-check

/**
 * Problems raised for the forum: the problem itself with its support count
 * (kept in the same transaction as the support rows, so the list can be
 * ordered by an index), one support row per person, and an append-only
 * history of every change.
 *
 * Timestamps are UTC epoch milliseconds (bigint) so that SQLite and
 * PostgreSQL store and compare them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_problems', table => {
    table.comment('Problems a ground rule might solve, raised by anyone');
    table.string('id', 36).primary();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    // JSON array of entity refs; never queried, only shown.
    table.text('entity_refs').notNullable();
    table.string('raised_by').notNullable();
    table.string('status', 16).notNullable();
    table.integer('support_count').notNullable().defaultTo(0);
    table.string('adr_id', 255).nullable();
    table.string('linked_by').nullable();
    table.bigInteger('linked_at').nullable();
    table.string('closed_by').nullable();
    table.bigInteger('closed_at').nullable();
    table.text('close_reason').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.check(
      "?? in ('open', 'closed')",
      ['status'],
      'governance_problems_status',
    );
    table.check('?? >= 0', ['support_count'], 'governance_problems_support');
  });
  // Serves the list's order (status, then most support, then newest) and
  // its keyset seek `(support_count, created_at, id) < (…)` from either end.
  await knex.schema.alterTable('governance_problems', table => {
    table.index(
      ['status', 'support_count', 'created_at', 'id'],
      'governance_problems_order_idx',
    );
  });

  await knex.schema.createTable('governance_problem_supports', table => {
    table.comment('Who supports which problem: one row per person');
    table
      .string('problem_id', 36)
      .notNullable()
      .references('id')
      .inTable('governance_problems')
      .onDelete('CASCADE');
    table.string('person_ref').notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['problem_id', 'person_ref']);
  });

  await knex.schema.createTable('governance_problem_events', table => {
    table.comment('Append-only: who changed which problem how, and when');
    table.increments('id');
    table
      .string('problem_id', 36)
      .notNullable()
      .references('id')
      .inTable('governance_problems');
    table.string('action', 32).notNullable();
    table.string('actor_ref').notNullable();
    table.string('adr_id', 255).nullable();
    table.text('reason').nullable();
    table.bigInteger('recorded_at').notNullable();
    table.index(['problem_id', 'id'], 'governance_problem_events_problem_idx');
  });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION governance_problem_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'governance_problem_events is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER governance_problem_events_append_only
      BEFORE UPDATE OR DELETE ON governance_problem_events
      FOR EACH ROW EXECUTE FUNCTION governance_problem_events_append_only();
    `);
  } else if (knex.client.config.client.includes('sqlite')) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER governance_problem_events_no_${operation.toLowerCase()}
        BEFORE ${operation} ON governance_problem_events
        BEGIN SELECT RAISE(ABORT, 'governance_problem_events is append-only'); END;
      `);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_problem_events');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS governance_problem_events_append_only()',
    );
  }
  await knex.schema.dropTable('governance_problem_supports');
  await knex.schema.dropTable('governance_problems');
};
