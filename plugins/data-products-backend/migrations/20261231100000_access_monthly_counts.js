// @ts-check

/**
 * Insights count a year's events from one row per month and output port
 * instead of every audit row: an AFTER INSERT trigger on the audit trail
 * adds each counted event to its month's row, so every writer (the store,
 * the demo history, a restore) keeps the counts without knowing of them,
 * and the rows already there are counted once here.
 *
 * `plugin:data-products` is the store's SYSTEM_ACTOR: its approvals are
 * the automatic ones, everyone else's decisions the owners'.
 */

const TABLE = 'access_request_monthly_counts';
const COUNTED = `('create', 'approve', 'reject', 'cancel', 'expire', 'revoke')`;

/**
 * Each counter as a 0/1 expression over an audit row `e` (SQL booleans cast by `int`).
 * @param {string} e
 * @param {(condition: string) => string} int
 */
const counters = (e, int) => ({
  created: int(`${e}.action = 'create'`),
  approved: int(`${e}.action = 'approve'`),
  rejected: int(`${e}.action = 'reject'`),
  cancelled: int(`${e}.action = 'cancel'`),
  expired: int(`${e}.action = 'expire'`),
  revoked: int(`${e}.action = 'revoke'`),
  automatic: int(
    `${e}.action = 'approve' AND ${e}.actor_ref = 'plugin:data-products'`,
  ),
  owner_decided: int(
    `${e}.action IN ('approve', 'reject') AND ${e}.actor_ref <> 'plugin:data-products'`,
  ),
  owner_rejected: int(
    `${e}.action = 'reject' AND ${e}.actor_ref <> 'plugin:data-products'`,
  ),
  // Leaving the queue: decided, cancelled, or expired while still pending.
  left_queue: int(
    `${e}.action IN ('approve', 'reject', 'cancel') OR (${e}.action = 'expire' AND ${e}.from_status = 'pending')`,
  ),
});
const NAMES = /** @type {Array<keyof ReturnType<typeof counters>>} */ (
  Object.keys(counters('e', x => x))
);

/**
 * The UTC month's first millisecond of `at` (epoch ms), per engine.
 * @param {string} at
 * @param {boolean} pg
 */
const monthStartOf = (at, pg) =>
  pg
    ? `(EXTRACT(EPOCH FROM date_trunc('month', to_timestamp(${at} / 1000.0) AT TIME ZONE 'UTC')) * 1000)::bigint`
    : `CAST(strftime('%s', ${at} / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000`;

/**
 * The counted columns for audit row `e` of request `r`, aliased, in `columns` order.
 * @param {string} e
 * @param {boolean} pg
 */
function selectCounts(e, pg) {
  /** @type {(condition: string) => string} */
  const int = pg ? x => `(${x})::int` : x => `(${x})`;
  const values = counters(e, int);
  return [
    `${monthStartOf(`${e}.at`, pg)} AS month_start`,
    'r.entity_ref',
    'r.output_port',
    ...NAMES.map(n => `${values[n]} AS ${n}`),
  ].join(', ');
}

const columns = `month_start, entity_ref, output_port, ${NAMES.join(', ')}`;
/**
 * @param {string} table
 * @param {string} incoming
 */
const addUp = (table, incoming) =>
  NAMES.map(n => `${n} = ${table}.${n} + ${incoming}.${n}`).join(', ');

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable(TABLE, table => {
    table.comment(
      'Counted audit events per UTC month and output port, kept by a trigger on access_request_audit',
    );
    table.bigInteger('month_start').notNullable();
    table.string('entity_ref').notNullable();
    table.string('output_port').notNullable();
    for (const name of NAMES) {
      table.integer(name).notNullable().defaultTo(0);
    }
    table.primary(['month_start', 'entity_ref', 'output_port']);
  });

  await knex.raw(`
    INSERT INTO ${TABLE} (${columns})
    SELECT month_start, entity_ref, output_port, ${NAMES.map(
      n => `SUM(${n})`,
    ).join(', ')}
    FROM (
      SELECT ${selectCounts('e', pg)}
      FROM access_request_audit e JOIN access_requests r ON r.id = e.request_id
      WHERE e.action IN ${COUNTED}
    ) events
    GROUP BY month_start, entity_ref, output_port
  `);

  if (pg) {
    await knex.raw(`
      CREATE FUNCTION access_request_monthly_count() RETURNS trigger AS $$
      BEGIN
        INSERT INTO ${TABLE} AS c (${columns})
        SELECT ${selectCounts('NEW', true)}
        FROM access_requests r WHERE r.id = NEW.request_id
        ON CONFLICT (month_start, entity_ref, output_port)
        DO UPDATE SET ${addUp('c', 'EXCLUDED')};
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER access_request_monthly_count
      AFTER INSERT ON access_request_audit
      FOR EACH ROW WHEN (NEW.action IN ${COUNTED})
      EXECUTE FUNCTION access_request_monthly_count();
    `);
  } else {
    // "WHERE true" keeps SQLite from reading ON CONFLICT as a join's ON.
    await knex.raw(`
      CREATE TRIGGER access_request_monthly_count
      AFTER INSERT ON access_request_audit
      WHEN NEW.action IN ${COUNTED}
      BEGIN
        INSERT INTO ${TABLE} (${columns})
        SELECT ${selectCounts('NEW', false)}
        FROM access_requests r WHERE r.id = NEW.request_id AND true
        ON CONFLICT (month_start, entity_ref, output_port)
        DO UPDATE SET ${addUp(TABLE, 'excluded')};
      END;
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'DROP TRIGGER access_request_monthly_count ON access_request_audit',
    );
    await knex.raw('DROP FUNCTION access_request_monthly_count()');
  } else {
    await knex.raw('DROP TRIGGER access_request_monthly_count');
  }
  await knex.schema.dropTable(TABLE);
};
