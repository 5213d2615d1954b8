// @ts-check

/**
 * One row per person or group who sees a request, and why: its requester,
 * its subject, or one of its deciders. The row carries what the lists filter
 * and order by, so that every list is an index seek that reads about a page
 * of rows, whatever the size of the table. Replaces access_request_deciders.
 *
 * Also: nobody decides a request whose subject they are (separation of
 * duties, next to "nobody decides their own request").
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_request_viewers', table => {
    table.comment('Who sees each request and in which role, for the lists');
    table
      .string('request_id')
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .onDelete('CASCADE');
    table.string('viewer_ref').notNullable();
    table.string('role').notNullable().comment('requester, subject or decider');
    // Copies of the request's columns, kept in step by every transition.
    table.string('status').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('ends_at').notNullable();
    table.string('entity_ref').notNullable();
    table.string('requester_ref').notNullable();
    table.string('subject_ref').notNullable();
    table.primary(['request_id', 'role', 'viewer_ref']);
    for (const [name, scope] of [
      ['role', 'role'],
      ['product', 'entity_ref'],
    ]) {
      for (const order of ['created_at', 'ends_at']) {
        table.index(
          ['viewer_ref', scope, 'status', order, 'request_id'],
          `access_request_viewers_${name}_${order}_idx`,
        );
      }
    }
  });

  const copy = (/** @type {string} */ role, /** @type {string} */ viewer) =>
    knex.raw(
      `INSERT INTO access_request_viewers
         (request_id, viewer_ref, role, status, created_at, ends_at, entity_ref, requester_ref, subject_ref)
       SELECT r.id, ${viewer}, '${role}', r.status, r.created_at, r.ends_at, r.entity_ref, r.requester_ref, r.subject_ref
       FROM access_requests r${
         role === 'decider'
           ? ' JOIN access_request_deciders d ON d.request_id = r.id'
           : ''
       }`,
    );
  await copy('requester', 'r.requester_ref');
  await copy('subject', 'r.subject_ref');
  await copy('decider', 'd.decider_ref');
  await knex.schema.dropTable('access_request_deciders');

  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(`
      ALTER TABLE access_requests ADD CONSTRAINT access_requests_no_subject_decision
      CHECK (decided_by IS NULL OR decided_by <> subject_ref)
    `);
  } else if (client.includes('sqlite')) {
    // SQLite cannot add a CHECK to an existing table; a trigger does the same.
    await knex.raw(`
      CREATE TRIGGER access_requests_no_subject_decision
      BEFORE UPDATE OF decided_by ON access_requests
      WHEN NEW.decided_by IS NOT NULL AND NEW.decided_by = NEW.subject_ref
      BEGIN SELECT RAISE(ABORT, 'access_requests_no_subject_decision'); END;
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw(
      'ALTER TABLE access_requests DROP CONSTRAINT access_requests_no_subject_decision',
    );
  } else if (client.includes('sqlite')) {
    await knex.raw('DROP TRIGGER access_requests_no_subject_decision');
  }
  await knex.schema.createTable('access_request_deciders', table => {
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
  await knex.raw(`
    INSERT INTO access_request_deciders (request_id, decider_ref)
    SELECT request_id, viewer_ref FROM access_request_viewers WHERE role = 'decider'
  `);
  await knex.schema.dropTable('access_request_viewers');
};
