import { createHash } from 'node:crypto';
import { Knex } from 'knex';

/**
 * Runs a SELECT, on PostgreSQL as a statement named after its text, so that
 * the driver parses it once per connection and PostgreSQL can keep its plan:
 * planning a list page (a branch per viewer ref, merged, joined) takes longer
 * than running it. Every text gets its own name, so a name never meets
 * another statement. The query is compiled once, for its name and to run.
 * Elsewhere, or when switched off, the query runs as it is.
 */
export async function selectPrepared<Row>(
  db: Knex,
  query: Knex.QueryBuilder,
  enabled: boolean,
): Promise<Row[]> {
  if (!enabled || db.client.config.client !== 'pg') return query;
  const { sql, bindings } = query.toSQL();
  const digest = createHash('sha1').update(sql).digest('hex');
  const result = await db
    .raw(sql, bindings)
    .options({ name: `datamesh_${digest.slice(0, 32)}` });
  return result.rows;
}
