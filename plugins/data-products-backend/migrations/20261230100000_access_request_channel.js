// @ts-check

/**
 * Where a request was filed: `portal` (the form, the REST API) or
 * `assistant` (an AI assistant acting for the person through the actions
 * registry). Every request filed before this column was a portal one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('access_requests', table => {
    table.string('channel', 16).notNullable().defaultTo('portal');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): knex would rebuild the
  // table on SQLite and lose its triggers and CHECK constraints.
  await knex.raw('ALTER TABLE access_requests DROP COLUMN channel');
};
