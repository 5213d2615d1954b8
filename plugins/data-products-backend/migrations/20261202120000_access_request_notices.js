// @ts-check

/**
 * Notices sent once per request, such as "your access ends soon": a row is
 * claimed before the notice is sent, so that a second sweep, another
 * replica or a restart does not send it again. The notifications backend's
 * scope does not prevent that: a repeated scope marks the notification
 * unread and new again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_request_notices', table => {
    table.comment('Notices already sent about an access request');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .onDelete('CASCADE');
    table.string('notice').notNullable().comment('e.g. ending-soon');
    table.bigInteger('sent_at').notNullable();
    table.primary(['request_id', 'notice']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_request_notices');
};
