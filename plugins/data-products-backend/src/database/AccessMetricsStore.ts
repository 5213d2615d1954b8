import type {
  AccessMetrics,
  MetricsFigures,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { SYSTEM_ACTOR } from './AccessRequestStore';
import { isPostgres, monthsOf, MetricsScope, scopeWhere } from './metricsSql';

const REQUESTS = 'access_requests';
const AUDIT = 'access_request_audit';

/** Events a period counts; `provision` only feeds time to provisioned. */
const COUNTED = ['create', 'approve', 'reject', 'cancel', 'expire', 'revoke'];
/** Actions that end a request's wait in the queue. */
const LEAVE_QUEUE_SQL = `(e.action IN ('approve', 'reject', 'cancel') OR (e.action = 'expire' AND e.from_status = 'pending'))`;
/** The partition of the whole period next to the groups' (no key is `*`). */
const TOTAL = '*';

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
  grp: string | null;
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
  grp: string | null;
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
      this.percentiles(query, keyOf, from, to),
      this.openNow(query),
    ]);

    const groups = new Map<string, MetricsFigures>();
    const figuresOf = (key: string) => {
      if (!groups.has(key)) groups.set(key, emptyFigures());
      return groups.get(key)!;
    };
    if (query.groupBy === 'month') {
      for (const month of monthsOf(query.from, query.to)) figuresOf(month);
    }
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
      leftQueue.set(row.grp, num(row.left_queue));
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
  private groupKey(query: MetricsQuery): Knex.Raw {
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
    return isPostgres(this.db)
      ? this.db.raw(
          `to_char(to_timestamp(e.at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')`,
        )
      : this.db.raw(`strftime('%Y-%m', e.at / 1000, 'unixepoch')`);
  }

  /** The events of the period with their request, in the scope. */
  private events(
    query: MetricsQuery,
    from: number,
    to: number,
    actions: string[],
  ) {
    return this.db(`${AUDIT} as e`)
      .join(`${REQUESTS} as r`, 'r.id', 'e.request_id')
      .whereIn('e.action', actions)
      .where('e.at', '>=', from)
      .where('e.at', '<', to)
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
   * applied, per group and for the whole period. Each duration is ranked
   * within its partition; the rows at the two ranks around each percentile
   * come back, and the interpolation between them is percentile_cont's.
   */
  private async percentiles(
    query: MetricsQuery,
    keyOf: Knex.Raw,
    from: number,
    to: number,
  ): Promise<PercentileRow[]> {
    const db = this.db;
    const decisions = this.events(query, from, to, [
      'approve',
      'reject',
    ]).select({
      grp: keyOf,
      // Owners' decisions only: an automatic one takes no time.
      decision_seconds: db.raw(
        `CASE WHEN e.actor_ref <> ? THEN (e.at - r.created_at) / 1000.0 END`,
        [SYSTEM_ACTOR],
      ),
      provisioned_seconds: db.raw(
        `CASE WHEN e.action = 'approve' THEN ((SELECT MIN(p.at) FROM ${AUDIT} p WHERE p.request_id = e.request_id AND p.action = 'provision' AND p.at >= e.at) - e.at) / 1000.0 END`,
      ),
    });
    const rank = (lo: boolean, p: 'median' | 'p90') => {
      // Zero-based position p * (n - 1), in integers: its floor, and the
      // next rank when there is a fraction.
      const [num_, den] = p === 'median' ? [1, 2] : [9, 10];
      const floor = `(${num_} * (n - 1)) / ${den}`;
      const next = `CASE WHEN (${num_} * (n - 1)) % ${den} > 0 THEN 1 ELSE 0 END`;
      return `rn = 1 + ${floor}${lo ? '' : ` + ${next}`}`;
    };
    const at = (lo: boolean, p: 'median' | 'p90') =>
      db.raw(`MAX(CASE WHEN ${rank(lo, p)} THEN v END)`);
    const rows = await db
      .with('d', decisions)
      .with(
        'durations',
        db.raw(`
          SELECT 'decision' AS metric, grp, decision_seconds AS v FROM d WHERE decision_seconds IS NOT NULL
          UNION ALL SELECT 'decision', '${TOTAL}', decision_seconds FROM d WHERE decision_seconds IS NOT NULL
          UNION ALL SELECT 'provisioned', grp, provisioned_seconds FROM d WHERE provisioned_seconds IS NOT NULL
          UNION ALL SELECT 'provisioned', '${TOTAL}', provisioned_seconds FROM d WHERE provisioned_seconds IS NOT NULL
        `),
      )
      .with(
        'ranked',
        db.raw(`
          SELECT metric, grp, v,
            ROW_NUMBER() OVER (PARTITION BY metric, grp ORDER BY v) AS rn,
            COUNT(*) OVER (PARTITION BY metric, grp) AS n
          FROM durations
        `),
      )
      .from('ranked')
      .select({
        metric: 'metric',
        grp: 'grp',
        n: db.raw('MAX(n)'),
        median_lo: at(true, 'median'),
        median_hi: at(false, 'median'),
        p90_lo: at(true, 'p90'),
        p90_hi: at(false, 'p90'),
      })
      .groupBy('metric', 'grp');
    return rows as PercentileRow[];
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
    const [before] = await this.db(`${AUDIT} as e`)
      .join(`${REQUESTS} as r`, 'r.id', 'e.request_id')
      .whereIn('e.action', ['create', 'approve', 'reject', 'cancel', 'expire'])
      .where('e.at', '<', from)
      .where(scopeWhere(query.scope))
      .select({
        arrived: this.db.raw(
          `SUM(CASE WHEN e.action = 'create' THEN 1 ELSE 0 END)`,
        ),
        left: this.db.raw(
          `SUM(CASE WHEN ${LEAVE_QUEUE_SQL} THEN 1 ELSE 0 END)`,
        ),
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

export function emptyFigures(): MetricsFigures {
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

/** percentile_cont: the value at p * (n - 1), between the two ranks around it. */
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
  const value = num(lo) + (num(hi) - num(lo)) * fraction;
  return Math.round(value * 1000) / 1000;
}

function oldest(values: Array<number | string | null>): string | null {
  const present = values.filter(v => v !== null).map(Number);
  return present.length ? new Date(Math.min(...present)).toISOString() : null;
}

function num(value: number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
