// @ts-check

/**
 * The provisioning outbox: one job per grant or revoke that has to happen
 * where the data lives, written in the same transaction as the transition
 * that calls for it, and worked off by the provisioning worker on any
 * replica (a lease in locked_by/locked_until decides who works a job).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_request_provisioning', table => {
    table.comment('Outbox of grants and revokes to apply where the data lives');
    table.increments('id');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests');
    table.string('operation').notNullable().comment('grant or revoke');
    table
      .string('server_type')
      .nullable()
      .comment("the port's server.type when the worker last looked");
    table
      .text('server')
      .nullable()
      .comment('JSON server block the job was applied to (entity data)');
    table
      .string('status')
      .notNullable()
      .comment('pending, running, applied, failed, manual or superseded');
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.text('last_error').nullable();
    table.text('instructions').nullable().comment('for manual: what to apply');
    table.string('locked_by').nullable();
    table.bigInteger('locked_until').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    // The worker's seek for due work, and a request's latest job.
    table.index(
      ['status', 'next_attempt_at'],
      'access_request_provisioning_due_idx',
    );
    table.index(
      ['request_id', 'id'],
      'access_request_provisioning_request_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_request_provisioning');
};
