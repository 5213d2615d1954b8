// @ts-check

/**
 * PostgreSQL only: tells the planner how viewer, role and status go
 * together in `access_request_viewers`. Alone, each column's statistics
 * multiply into far too few pending rows for a busy owner, and the planner
 * then reads and sorts every pending row of theirs instead of walking the
 * `created_at` index to the end of the page (for the badge's 101 rows it
 * read 790 at 100k requests, and more as the table grew). ANALYZE,
 * autovacuum's too, keeps them current. SQLite takes the ordered index
 * without them.
 */

const NAME = 'access_request_viewers_ref_role_status';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    `CREATE STATISTICS ${NAME} (dependencies, mcv) ON viewer_ref, role, status FROM access_request_viewers`,
  );
  await knex.raw('ANALYZE access_request_viewers');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(`DROP STATISTICS IF EXISTS ${NAME}`);
};
