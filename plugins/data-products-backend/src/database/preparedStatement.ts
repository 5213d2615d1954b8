import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { Compiled } from './compiledOnce';
import { LRUCache } from 'lru-cache';

/** What this file uses of a better-sqlite3 connection. */
type SqliteConnection = {
  prepare(sql: string): { all(bindings: readonly unknown[]): unknown[] };
};
type SqliteStatement = ReturnType<SqliteConnection['prepare']>;

/** Enough for every list shape a few busy viewers make; the least recently used go first. */
const STATEMENTS_PER_CONNECTION = 100;
const sqliteStatements = new WeakMap<
  SqliteConnection,
  LRUCache<string, SqliteStatement>
>();

/**
 * Runs a compiled SELECT as a statement prepared once per connection: a
 * list page (a branch per viewer ref, merged, joined) takes longer to plan
 * than to run. On PostgreSQL the statement is named after its text, so that
 * the server parses it once per connection and can keep its plan; with
 * better-sqlite3 the prepared statement is kept with the connection.
 * Elsewhere, in a transaction, or when switched off, it runs as it is.
 */
export async function selectPrepared<Row>(
  db: Knex,
  statement: Compiled,
  enabled: boolean,
): Promise<Row[]> {
  const pg = db.client.config.client === 'pg';
  if (enabled && !db.isTransaction) {
    if (pg) return selectNamed(db, statement);
    if (db.client.driverName === 'better-sqlite3') {
      return selectKeptSqlite(db, statement);
    }
  }
  const result = await db.raw(statement.sql, statement.bindings);
  return pg ? result.rows : result;
}

async function selectNamed<Row>(db: Knex, { sql, bindings }: Compiled) {
  const digest = createHash('sha1').update(sql).digest('hex');
  const result = await db
    .raw(sql, bindings)
    .options({ name: `datamesh_${digest.slice(0, 32)}` });
  return result.rows as Row[];
}

/**
 * knex prepares every query anew; this reuses the statement on the
 * connection it was prepared on. Observers of knex's `query` event (query
 * logs, tests counting statements) still see it.
 */
async function selectKeptSqlite<Row>(db: Knex, { sql, bindings }: Compiled) {
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    db.client.emit('query', { sql, bindings, method: 'select' });
    return keptStatement(connection, sql).all(bindings) as Row[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** The statement for `sql` on this connection, prepared on first use. */
export function keptStatement(connection: SqliteConnection, sql: string) {
  let kept = sqliteStatements.get(connection);
  if (!kept) {
    kept = new LRUCache({ max: STATEMENTS_PER_CONNECTION });
    sqliteStatements.set(connection, kept);
  }
  let statement = kept.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    kept.set(sql, statement);
  }
  return statement;
}
