// @ts-check

/**
 * Opinions on proposed ADRs: the current one per (ADR, person), and every
 * version ever recorded in an append-only table.
 *
 * Timestamps are UTC epoch milliseconds (bigint) so that SQLite and
 * PostgreSQL store and compare them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_opinions', table => {
    table.comment('The current opinion of each person on each ADR');
    table.string('adr_id').notNullable();
    table.string('author_ref').notNullable();
    table.string('stance').notNullable();
    table.string('perspective').notNullable();
    table.text('comment').notNullable();
    table.integer('revision').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['adr_id', 'author_ref']);
  });

  await knex.schema.createTable('governance_opinion_revisions', table => {
    table.comment('Append-only: every version of every opinion');
    table.increments('id');
    table.string('adr_id').notNullable();
    table.string('author_ref').notNullable();
    table.integer('revision').notNullable();
    table.string('stance').notNullable();
    table.string('perspective').notNullable();
    table.text('comment').notNullable();
    table.bigInteger('recorded_at').notNullable();
    // Two concurrent changes cannot both become revision n.
    table.unique(['adr_id', 'author_ref', 'revision'], {
      indexName: 'governance_opinion_revisions_unique',
    });
    table.index(['adr_id', 'id'], 'governance_opinion_revisions_adr_idx');
  });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION governance_opinion_revisions_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'governance_opinion_revisions is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER governance_opinion_revisions_append_only
      BEFORE UPDATE OR DELETE ON governance_opinion_revisions
      FOR EACH ROW EXECUTE FUNCTION governance_opinion_revisions_append_only();
    `);
  } else if (knex.client.config.client.includes('sqlite')) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER governance_opinion_revisions_no_${operation.toLowerCase()}
        BEFORE ${operation} ON governance_opinion_revisions
        BEGIN SELECT RAISE(ABORT, 'governance_opinion_revisions is append-only'); END;
      `);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_opinion_revisions');
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP FUNCTION IF EXISTS governance_opinion_revisions_append_only()',
    );
  }
  await knex.schema.dropTable('governance_opinions');
};
