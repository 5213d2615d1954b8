import type {
  AccessMetrics,
  MetricsFigures,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { SYSTEM_ACTOR } from './AccessRequestStore';
import { monthsOf, monthStart, MetricsScope, scopeWhere } from './metricsSql';

const REQUESTS = 'access_requests';
const AUDIT = 'access_request_audit';
const PROVISIONING = 'access_request_provisioning';

/** Events a period counts; `provision` only feeds time to provisioned. */
const COUNTED = ['create', 'approve', 'reject', 'cancel', 'expire', 'revoke'];
/** Actions that end a request's wait in the queue. */
const LEAVE_QUEUE_SQL = `(e.action IN ('approve', 'reject', 'cancel') OR (e.action = 'expire' AND e.from_status = 'pending'))`;
/** The partition of the whole period next to the groups' (no key is `*`). */
const TOTAL = '*';
/** The group of products the catalog no longer knows, where a key must not be null. */
const UNKNOWN = '~';

export type MetricsQuery = {
  from: Date;
  to: Date;
  groupBy: AccessMetrics['groupBy'];
  /** Which requests count; undefined for all. */
  scope?: MetricsScope;
  /** For `groupBy: owner`: each data product's owner group. */
  ownerOf?: Map<string, string>;
};

type CountRow = {
  grp: string | number | null;
  created: number | string | null;
  decided: number | string | null;
  approved: number | string | null;
  rejected: number | string | null;
  cancelled: number | string | null;
  expired: number | string | null;
  revoked: number | string | null;
  automatic: number | string | null;
  owner_decided: number | string | null;
  owner_rejected: number | string | null;
  left_queue: number | string | null;
};

type PercentileRow = {
  metric: 'decision' | 'provisioned';
  grp: string | number | null;
  n: number | string;
  median_lo: number | string | null;
  median_hi: number | string | null;
  p90_lo: number | string | null;
  p90_hi: number | string | null;
};

/**
 * The Insights figures, each computed by the database: counts by
 * conditional aggregation over the audit trail's events of the period, the
 * median and p90 by ranking the durations with window functions (SQLite has
 * no percentile_cont; the result is the same linear interpolation), the
 * open queue from the requests' status index. Node only adds up and fills
 * in empty months.
 */
export class AccessMetricsStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
  ) {}

  async metrics(query: MetricsQuery): Promise<AccessMetrics> {
    const from = query.from.getTime();
    const to = query.to.getTime();
    const keyOf = this.groupKey(query);
    const [counts, percentiles, open] = await Promise.all([
      this.counts(query, keyOf, from, to),
      this.percentiles(query, from, to),
      this.openNow(query),
    ]);

    const groups = new Map<string, MetricsFigures>();
    const months =
      query.groupBy === 'month' ? monthsOf(query.from, query.to) : [];
    // The database names a month by its number in the period.
    const figuresOf = (grp: string | number) => {
      const key = query.groupBy === 'month' ? months[Number(grp)] : String(grp);
      if (!groups.has(key)) groups.set(key, emptyFigures());
      return groups.get(key)!;
    };
    for (const month of months.keys()) figuresOf(month);
    const totals = emptyFigures();
    const leftQueue = new Map<string, number>();
    const rejectedByOwners = new Map<MetricsFigures, number>();
    const add = (figures: MetricsFigures, row: CountRow) => {
      addCounts(figures, row);
      rejectedByOwners.set(
        figures,
        (rejectedByOwners.get(figures) ?? 0) + num(row.owner_rejected),
      );
    };
    for (const row of counts) {
      add(totals, row);
      if (row.grp === null) continue; // a product the catalog no longer knows
      add(figuresOf(row.grp), row);
      if (query.groupBy === 'month') {
        leftQueue.set(months[Number(row.grp)], num(row.left_queue));
      }
    }
    for (const figures of [totals, ...groups.values()]) {
      figures.rejectionShare =
        figures.ownerDecided > 0
          ? (rejectedByOwners.get(figures) ?? 0) / figures.ownerDecided
          : null;
    }
    for (const row of percentiles) {
      if (row.grp === null) continue;
      const target = row.grp === TOTAL ? totals : figuresOf(row.grp);
      const durations = {
        medianSeconds: interpolate(row, 'median', 0.5),
        p90Seconds: interpolate(row, 'p90', 0.9),
      };
      if (row.metric === 'decision') target.timeToDecision = durations;
      else target.timeToProvisioned = durations;
    }

    totals.open = open.reduce((sum, row) => sum + num(row.open), 0);
    totals.oldestOpenCreatedAt = oldest(open.map(row => row.oldest));
    if (query.groupBy === 'month') {
      await this.queueAtMonthEnds(query, groups, leftQueue, from);
    } else {
      for (const row of open) {
        if (row.grp === null) continue;
        const figures = figuresOf(row.grp);
        figures.open = num(row.open);
        figures.oldestOpenCreatedAt = oldest([row.oldest]);
      }
    }

    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      groupBy: query.groupBy,
      totals,
      groups: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en'))
        .map(([key, figures]) => ({ key, figures })),
    };
  }

  /** Pending now, for the open-requests gauge: one count on the status index. */
  async countOpen(): Promise<number> {
    const [row] = await this.db(REQUESTS)
      .where('status', 'pending')
      .where('ends_at', '>', this.clock())
      .count({ open: '*' });
    return num(row?.open as number | string | undefined);
  }

  /** The SQL that names an event's group, from the event (`e`) and its request (`r`). */
  private groupKey(
    query: MetricsQuery,
    time = 'e.at',
    /** A key for everything: equality joins on it can use an index. */
    noNull = false,
  ): Knex.Raw {
    const key = this.nullableGroupKey(query, time);
    return noNull && query.groupBy !== 'month'
      ? this.db.raw(`COALESCE(${key.toSQL().sql}, '${UNKNOWN}')`, [
          ...key.toSQL().bindings,
        ])
      : key;
  }

  private nullableGroupKey(query: MetricsQuery, time: string): Knex.Raw {
    if (query.groupBy === 'product') return this.db.raw('r.entity_ref');
    if (query.groupBy === 'owner') {
      const owners = [...(query.ownerOf ?? new Map()).entries()];
      if (owners.length === 0) return this.db.raw('CAST(NULL AS VARCHAR(255))');
      return this.db.raw(
        `CASE r.entity_ref ${owners
          .map(() => 'WHEN ? THEN ?')
          .join(' ')} ELSE NULL END`,
        owners.flat(),
      );
    }
    // A month's number in the period, by comparing with the months' ends:
    // formatting a date per row (strftime, to_char) costs several times the
    // whole count, and integers group and sort faster than text.
    const months = monthsOf(query.from, query.to);
    return this.db.raw(
      `CASE ${months
        .map((_, i) => `WHEN ${time} < ? THEN ${i}`)
        .join(' ')} END`,
      months.map((_, i) => monthStart(query.from, i + 1)),
    );
  }

  /** The events of the period with their request, in the scope. */
  private events(
    query: MetricsQuery,
    from: number,
    to: number,
    actions: string[],
    withRequest = needsRequest(query),
  ) {
    const events = this.db(`${AUDIT} as e`)
      .whereIn('e.action', actions)
      .where('e.at', '>=', from)
      .where('e.at', '<', to);
    // By month and unfiltered, counting needs the audit rows alone.
    if (!withRequest) return events;
    return events
      .join(`${REQUESTS} as r`, 'r.id', 'e.request_id')
      .where(scopeWhere(query.scope));
  }

  private async counts(
    query: MetricsQuery,
    keyOf: Knex.Raw,
    from: number,
    to: number,
  ): Promise<CountRow[]> {
    const count = (condition: string) =>
      this.db.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
    const owner = `e.actor_ref <> '${SYSTEM_ACTOR}'`;
    return this.events(query, from, to, COUNTED)
      .select({
        grp: keyOf,
        created: count(`e.action = 'create'`),
        decided: count(`e.action IN ('approve', 'reject')`),
        approved: count(`e.action = 'approve'`),
        rejected: count(`e.action = 'reject'`),
        cancelled: count(`e.action = 'cancel'`),
        expired: count(`e.action = 'expire'`),
        revoked: count(`e.action = 'revoke'`),
        automatic: count(`e.action = 'approve' AND NOT ${owner}`),
        owner_decided: count(`e.action IN ('approve', 'reject') AND ${owner}`),
        owner_rejected: count(`e.action = 'reject' AND ${owner}`),
        left_queue: count(LEAVE_QUEUE_SQL),
      })
      .groupByRaw('1');
  }

  /**
   * Median and p90 of time to decision and of approval to provisioning
   * applied, per group and for the whole period. The durations come from
   * index range scans: an owner's decision from the request's decided_at
   * and created_at (automatic approvals set no decided_at), provisioning
   * from the grant job, written in the approval's transaction and finished
   * when applied. Each duration is ranked within its group and within the
   * period by window functions, and the rows at the two ranks around each
   * percentile come back (the period's in whichever group holds them); the
   * interpolation between them is percentile_cont's.
   */
  private async percentiles(
    query: MetricsQuery,
    from: number,
    to: number,
  ): Promise<PercentileRow[]> {
    const db = this.db;
    const decisions = db(`${REQUESTS} as r`)
      .where('r.decided_at', '>=', from)
      .where('r.decided_at', '<', to)
      .where(scopeWhere(query.scope))
      .select({
        m: db.raw('0'),
        grp: this.groupKey(query, 'r.decided_at', true),
        // Milliseconds, integers: they sort several times faster than
        // PostgreSQL's numeric.
        v: db.raw('r.decided_at - r.created_at'),
      });
    const provisioned = db(`${PROVISIONING} as j`)
      .where('j.operation', 'grant')
      .where('j.status', 'applied')
      .where('j.created_at', '>=', from)
      .where('j.created_at', '<', to)
      .select({
        m: db.raw('1'),
        grp: this.groupKey(query, 'j.created_at', true),
        v: db.raw('j.updated_at - j.created_at'),
      });
    if (needsRequest(query)) {
      provisioned
        .join(`${REQUESTS} as r`, 'r.id', 'j.request_id')
        .where(scopeWhere(query.scope));
    }
    const columns: Record<string, Knex.Raw> = {};
    for (const scope of ['g', 't']) {
      const n = `n_${scope}`;
      const rank = `rank_${scope}`;
      columns[`${scope}_n`] = db.raw(`MAX(${n})`);
      for (const [name, steps, parts] of [
        ['median', 1, 2],
        ['p90', 9, 10],
      ] as const) {
        // Zero-based position steps/parts * (n - 1), in integers: its
        // floor, and the next rank when there is a fraction.
        const floor = `(${steps} * (${n} - 1)) / ${parts}`;
        const next = `CASE WHEN (${steps} * (${n} - 1)) % ${parts} > 0 THEN 1 ELSE 0 END`;
        const value = (position: string) =>
          db.raw(`MAX(CASE WHEN ${rank} = ${position} THEN v END)`);
        columns[`${scope}_${name}_lo`] = value(`1 + ${floor}`);
        columns[`${scope}_${name}_hi`] = value(`1 + ${floor} + ${next}`);
      }
    }
    const rows: Array<Record<string, string | number | null>> = await db
      .with('durations', decisions.unionAll(provisioned))
      // Counts by grouping: COUNT(*) OVER a partition costs a window pass.
      .with(
        'group_counts',
        db.raw('SELECT m, grp, COUNT(*) AS n FROM durations GROUP BY m, grp'),
      )
      .with(
        'period_counts',
        db.raw('SELECT m, COUNT(*) AS n FROM durations GROUP BY m'),
      )
      .with(
        'ranked',
        db.raw(`
          SELECT durations.m, durations.grp, v,
            ROW_NUMBER() OVER (PARTITION BY durations.m, durations.grp ORDER BY v) AS rank_g,
            group_counts.n AS n_g,
            ROW_NUMBER() OVER (PARTITION BY durations.m ORDER BY v) AS rank_t,
            period_counts.n AS n_t
          FROM durations
          JOIN group_counts ON group_counts.m = durations.m
            AND group_counts.grp = durations.grp
          JOIN period_counts ON period_counts.m = durations.m
        `),
      )
      .from('ranked')
      .select({ m: 'm', grp: 'grp', ...columns })
      .groupBy('m', 'grp');

    const result: PercentileRow[] = [];
    const totals = new Map<string, PercentileRow>();
    for (const row of rows) {
      const metric = Number(row.m) === 0 ? 'decision' : 'provisioned';
      const pick = (scope: 'g' | 't') => ({
        n: row[`${scope}_n`] ?? 0,
        median_lo: row[`${scope}_median_lo`],
        median_hi: row[`${scope}_median_hi`],
        p90_lo: row[`${scope}_p90_lo`],
        p90_hi: row[`${scope}_p90_hi`],
      });
      const grp = row.grp === UNKNOWN ? null : row.grp;
      result.push({ metric, grp, ...pick('g') });
      // The period's values sit in one group's row each; the rest are null.
      const period = pick('t');
      const total = totals.get(metric) ?? { metric, grp: TOTAL, ...period };
      for (const key of [
        'median_lo',
        'median_hi',
        'p90_lo',
        'p90_hi',
      ] as const) {
        total[key] ??= period[key];
      }
      totals.set(metric, total);
    }
    return [...result, ...totals.values()];
  }

  /** Pending now (an open request past its end counts as expired), per group. */
  private async openNow(query: MetricsQuery) {
    const keyOf =
      query.groupBy === 'month'
        ? this.db.raw(`'${TOTAL}'`)
        : this.groupKey(query);
    const rows: Array<{
      grp: string | null;
      open: number | string;
      oldest: number | string | null;
    }> = await this.db(`${REQUESTS} as r`)
      .where('r.status', 'pending')
      .where('r.ends_at', '>', this.clock())
      .where(scopeWhere(query.scope))
      .select({
        grp: keyOf,
        open: this.db.raw('COUNT(*)'),
        oldest: this.db.raw('MIN(r.created_at)'),
      })
      .groupByRaw('1');
    return rows;
  }

  /**
   * For months: the queue as it stood at each month's end, from the queue
   * before the period (two index range counts) and each month's arrivals
   * and departures.
   */
  private async queueAtMonthEnds(
    query: MetricsQuery,
    groups: Map<string, MetricsFigures>,
    leftQueue: Map<string, number>,
    from: number,
  ) {
    const before_ = this.db(`${AUDIT} as e`)
      .whereIn('e.action', ['create', 'approve', 'reject', 'cancel', 'expire'])
      .where('e.at', '<', from);
    if (query.scope) {
      before_
        .join(`${REQUESTS} as r`, 'r.id', 'e.request_id')
        .where(scopeWhere(query.scope));
    }
    const [before] = await before_.select({
      arrived: this.db.raw(
        `SUM(CASE WHEN e.action = 'create' THEN 1 ELSE 0 END)`,
      ),
      left: this.db.raw(`SUM(CASE WHEN ${LEAVE_QUEUE_SQL} THEN 1 ELSE 0 END)`),
    });
    let queue = num(before?.arrived) - num(before?.left);
    for (const [month, figures] of [...groups.entries()].sort()) {
      queue += figures.created - (leftQueue.get(month) ?? 0);
      figures.open = Math.max(0, queue);
    }
  }
}

function addCounts(figures: MetricsFigures, row: CountRow) {
  figures.created += num(row.created);
  figures.decided += num(row.decided);
  figures.approved += num(row.approved);
  figures.rejected += num(row.rejected);
  figures.cancelled += num(row.cancelled);
  figures.expired += num(row.expired);
  figures.revoked += num(row.revoked);
  figures.automatic += num(row.automatic);
  figures.ownerDecided += num(row.owner_decided);
}

/** Whether events must be joined to their request: for a scope or a product's group. */
function needsRequest(query: MetricsQuery): boolean {
  return Boolean(query.scope) || query.groupBy !== 'month';
}

function emptyFigures(): MetricsFigures {
  return {
    created: 0,
    decided: 0,
    approved: 0,
    rejected: 0,
    cancelled: 0,
    expired: 0,
    revoked: 0,
    automatic: 0,
    ownerDecided: 0,
    rejectionShare: null,
    timeToDecision: { medianSeconds: null, p90Seconds: null },
    timeToProvisioned: { medianSeconds: null, p90Seconds: null },
    open: 0,
    oldestOpenCreatedAt: null,
  };
}

/** percentile_cont in seconds: the value at p * (n - 1), between the two ranks around it. */
function interpolate(
  row: PercentileRow,
  which: 'median' | 'p90',
  p: number,
): number | null {
  const lo = row[`${which}_lo`];
  const hi = row[`${which}_hi`];
  if (lo === null || hi === null) return null;
  // In integers, as the ranks were chosen: p * (n - 1) = steps / parts.
  const [steps, parts] = p === 0.5 ? [1, 2] : [9, 10];
  const fraction = ((steps * (num(row.n) - 1)) % parts) / parts;
  const milliseconds = num(lo) + (num(hi) - num(lo)) * fraction;
  return Math.round(milliseconds) / 1000;
}

function oldest(values: Array<number | string | null>): string | null {
  const present = values.filter(v => v !== null).map(Number);
  return present.length ? new Date(Math.min(...present)).toISOString() : null;
}

function num(value: number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
