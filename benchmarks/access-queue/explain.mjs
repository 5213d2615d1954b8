// The query plans behind each measured call: captures the SQL the
// data-products plugin runs for the call (knex's `query` event) and asks the
// database to EXPLAIN it on the plugin's own connection pool.
import { asUser } from './backend.mjs';

/**
 * The plan of a captured query, run on a connection of the plugin's own pool;
 * of a prepared statement, the plan its connections reuse.
 */
async function plan(knex, { sql, bindings, options }) {
  const name = options?.name;
  const connection = await knex.client.acquireConnection();
  try {
    if (knex.client.config.client === 'pg' && name) {
      // A prepared statement: the plan PostgreSQL keeps for it once it has
      // run a few times (it plans the first five runs each on their own).
      for (let run = 0; run < 6; run += 1) {
        await connection.query({ name, text: sql, values: bindings });
      }
      const literals = bindings.map(value =>
        value === null ? 'NULL' : connection.escapeLiteral(String(value)),
      );
      const result = await connection.query(
        `EXPLAIN (ANALYZE, BUFFERS) EXECUTE ${connection.escapeIdentifier(
          name,
        )}(${literals.join(', ')})`,
      );
      return result.rows.map(row => row['QUERY PLAN']);
    }
    if (knex.client.config.client === 'pg') {
      // The captured SQL has PostgreSQL's $1 placeholders: send it as is.
      const result = await connection.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        bindings,
      );
      return result.rows.map(row => row['QUERY PLAN']);
    }
    const rows = connection
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(bindings ?? []));
    const depth = new Map([[0, -1]]);
    return rows.map(row => {
      depth.set(row.id, (depth.get(row.parent) ?? -1) + 1);
      return `${'  '.repeat(depth.get(row.id))}${row.detail}`;
    });
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/** Markdown: per call, each SELECT it ran with its plan. */
export async function explainCalls(target, calls) {
  const captured = [];
  const capture = query => captured.push(query);
  const sections = [];
  target.knex.on('query', capture);
  try {
    for (const call of calls.filter(c => !c.reference)) {
      captured.length = 0;
      const response = await fetch(`${target.baseUrl}${call.path}`, {
        headers: asUser(call.as),
      });
      await response.text();
      const selects = captured.filter(q => /^\s*select/i.test(q.sql));
      sections.push(`#### ${call.id}\n\n\`GET ${call.path}\`\n`);
      for (const query of selects) {
        const lines = await plan(target.knex, query);
        // The plan is what to read; the SQL (long: one branch per seek) is folded.
        sections.push(
          [
            '```',
            ...lines,
            '```',
            '',
            '<details><summary>SQL</summary>',
            '',
            '```sql',
            query.sql,
            '```',
            '',
            '</details>',
            '',
          ].join('\n'),
        );
      }
    }
  } finally {
    target.knex.removeListener('query', capture);
  }
  return sections.join('\n');
}
