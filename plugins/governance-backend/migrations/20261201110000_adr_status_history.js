// @ts-check

/**
 * Every status an ADR's source has given it, in the order the portal saw
 * them, with a snapshot of the opinions when it became decided.
 *
 * Each replica reads the sources itself, so two replicas (or two refreshes)
 * may see the same change: the unique (adr_id, sequence) lets exactly one of
 * them record it. The first row of an ADR (sequence 1, no from_status) is
 * where its history starts, not a decision, and carries no snapshot.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_adr_status_changes', table => {
    table.comment(
      'Append-only: the statuses each ADR went through, with the opinions weighed when decided',
    );
    table.increments('id');
    table.string('adr_id').notNullable();
    table.integer('sequence').notNullable();
    table.string('from_status').nullable();
    table.string('to_status').notNullable();
    table.string('adr_date').nullable().comment("The ADR's own date, if any");
    // When a replica read the source that showed the status (epoch ms).
    table.bigInteger('seen_at').notNullable();
    // JSON: { counts, opinions } at the moment of the decision.
    table.text('snapshot').nullable();
    table.unique(['adr_id', 'sequence'], {
      indexName: 'governance_adr_status_changes_unique',
    });
  });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION governance_adr_status_changes_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'governance_adr_status_changes is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER governance_adr_status_changes_append_only
      BEFORE UPDATE OR DELETE ON governance_adr_status_changes
      FOR EACH ROW EXECUTE FUNCTION governance_adr_status_changes_append_only();
    `);
  } else if (knex.client.config.client.includes('sqlite')) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER governance_adr_status_changes_no_${operation.toLowerCase()}
        BEFORE ${operation} ON governance_adr_status_changes
        BEGIN SELECT RAISE(ABORT, 'governance_adr_status_changes is append-only'); END;
      `);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_adr_status_changes');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS governance_adr_status_changes_append_only()',
    );
  }
};
