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
/** Counted events per UTC month and port, kept by a trigger on the audit trail. */
const MONTHLY = 'access_request_monthly_counts';

/** Events a period counts; `provision` only feeds time to provisioned. */
const COUNTED = ['create', 'approve', 'reject', 'cancel', 'expire', 'revoke'];
/** Actions that end a request's wait in the queue. */
const LEAVE_QUEUE_SQL = `(e.action IN ('approve', 'reject', 'cancel') OR (e.action = 'expire' AND e.from_status = 'pending'))`;
const OWNER_SQL = `e.actor_ref <> '${SYSTEM_ACTOR}'`;
/** Each counter as a condition on an audit event `e`; the monthly rows hold the same. */
const COUNTERS = {
  created: `e.action = 'create'`,
  approved: `e.action = 'approve'`,
  rejected: `e.action = 'reject'`,
  cancelled: `e.action = 'cancel'`,
  expired: `e.action = 'expire'`,
  revoked: `e.action = 'revoke'`,
  automatic: `e.action = 'approve' AND NOT ${OWNER_SQL}`,
  owner_decided: `e.action IN ('approve', 'reject') AND ${OWNER_SQL}`,
  owner_rejected: `e.action = 'reject' AND ${OWNER_SQL}`,
  left_queue: LEAVE_QUEUE_SQL,
};
const COUNTER_NAMES = Object.keys(COUNTERS) as Array<keyof typeof COUNTERS>;
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
  median: number | string | null;
  p90: number | string | null;
};

/**
 * The Insights figures, each computed by the database: counts from the
 * monthly rows for the period's whole months and from the audit trail's
 * events for the days at its edges, the median and p90 by percentile_cont
 * (PostgreSQL's, and SQLite's percentile functions, which better-sqlite3
 * builds in), the open queue from the requests' status index. Node only
 * adds up and fills in empty months.
 */
export class AccessMetricsStore {
  private percentile?: Promise<(p: number) => string>;

  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
  ) {}

  async metrics(query: MetricsQuery): Promise<AccessMetrics> {
    const from = query.from.getTime();
    const to = query.to.getTime();
    const [counts, percentiles, open] = await Promise.all([
      this.counts(query, from, to),
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
        const month = months[Number(row.grp)];
        leftQueue.set(month, (leftQueue.get(month) ?? 0) + num(row.left_queue));
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
        medianSeconds: seconds(row.median),
        p90Seconds: seconds(row.p90),
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

  /**
   * The counters of [from, to) per group, in one statement: the whole
   * months from the monthly rows (a few per port), the days before the
   * first and after the last whole month from the audit trail's events.
   * `grouped: false` adds everything up under one key.
   */
  private async counts(
    query: MetricsQuery,
    from: number,
    to: number,
    grouped = true,
  ): Promise<CountRow[]> {
    const db = this.db;
    const whole = wholeMonths(from, to, this.clock());
    const parts = whole
      ? [
          this.monthlyCounts(query, whole.from, whole.to, grouped),
          ...(from < whole.from
            ? [this.eventCounts(query, from, whole.from, grouped)]
            : []),
          ...(whole.to < to
            ? [this.eventCounts(query, whole.to, to, grouped)]
            : []),
        ]
      : [this.eventCounts(query, from, to, grouped)];
    const [first, ...rest] = parts;
    if (rest.length === 0) return first;
    const sums = Object.fromEntries(
      COUNTER_NAMES.map(name => [name, db.raw(`SUM(??)`, [`parts.${name}`])]),
    );
    // The first part in a subquery: knex puts a builder's GROUP BY after
    // its unions.
    const union = db.select('*').from(first.as('first')).unionAll(rest);
    return db
      .from(union.as('parts'))
      .select({ grp: 'parts.grp', ...sums })
      .groupBy('parts.grp');
  }

  /** Counters from each counted event of [from, to) with its request (`r`) when needed. */
  private eventCounts(
    query: MetricsQuery,
    from: number,
    to: number,
    grouped: boolean,
  ) {
    const events = this.db(`${AUDIT} as e`)
      .whereIn('e.action', COUNTED)
      .where('e.at', '>=', from)
      .where('e.at', '<', to);
    // By month and unfiltered, counting needs the audit rows alone.
    if (query.scope || (grouped && query.groupBy !== 'month')) {
      events
        .join(`${REQUESTS} as r`, 'r.id', 'e.request_id')
        .where(scopeWhere(query.scope));
    }
    return events
      .select({
        grp: grouped ? this.groupKey(query) : this.db.raw(`'${TOTAL}'`),
        ...Object.fromEntries(
          COUNTER_NAMES.map(name => [
            name,
            this.db.raw(`SUM(CASE WHEN ${COUNTERS[name]} THEN 1 ELSE 0 END)`),
          ]),
        ),
      })
      .groupByRaw('1');
  }

  /** Counters from the monthly rows (as `r`, so the scope and keys apply) of whole months. */
  private monthlyCounts(
    query: MetricsQuery,
    from: number,
    to: number,
    grouped: boolean,
  ) {
    return this.db(`${MONTHLY} as r`)
      .where('r.month_start', '>=', from)
      .where('r.month_start', '<', to)
      .where(scopeWhere(query.scope))
      .select({
        grp: grouped
          ? this.groupKey(query, 'r.month_start')
          : this.db.raw(`'${TOTAL}'`),
        ...Object.fromEntries(
          COUNTER_NAMES.map(name => [
            name,
            this.db.raw(`SUM(??)`, [`r.${name}`]),
          ]),
        ),
      })
      .groupByRaw('1');
  }

  /**
   * Median and p90 of time to decision and of approval to provisioning
   * applied, per group and for the whole period, by percentile_cont. The
   * durations come from index range scans: an owner's decision from the
   * request's decided_at and created_at (automatic approvals set no
   * decided_at), provisioning from the grant job, written in the approval's
   * transaction and finished when applied.
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
    const percentile = await this.percentileSql();
    const figures = {
      median: db.raw(percentile(0.5)),
      p90: db.raw(percentile(0.9)),
    };
    const rows: Array<{
      m: number | string;
      whole: number | string;
      grp: string | number | null;
      median: number | string | null;
      p90: number | string | null;
    }> = await db
      .with('durations', decisions.unionAll(provisioned))
      .select('*')
      .from(
        db
          .from('durations')
          .select({ m: 'm', whole: db.raw('0'), grp: 'grp', ...figures })
          .groupBy('m', 'grp')
          .as('by_group'),
      )
      .unionAll(
        db
          .from('durations')
          .select({ m: 'm', whole: db.raw('1'), grp: db.raw('NULL') })
          .select(figures)
          .groupBy('m'),
      );
    return rows.map(row => {
      const metric = Number(row.m) === 0 ? 'decision' : 'provisioned';
      const whole = Number(row.whole) === 1;
      const known = row.grp === UNKNOWN ? null : row.grp;
      const grp = whole ? TOTAL : known;
      return { metric, grp, median: row.median, p90: row.p90 };
    });
  }

  /**
   * `percentile_cont` of `v` at a fraction, in this engine's words. SQLite
   * has it when built with SQLITE_ENABLE_PERCENTILE, as better-sqlite3 is.
   */
  private percentileSql(): Promise<(p: number) => string> {
    this.percentile ??= (async () => {
      if (this.db.client.config.client === 'pg') {
        return (p: number) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY v)`;
      }
      try {
        await this.db.raw('SELECT percentile_cont(1, 0.5)');
      } catch {
        throw new Error(
          'Insights need SQLite with its percentile functions (SQLITE_ENABLE_PERCENTILE), as better-sqlite3 builds it; use the better-sqlite3 client',
        );
      }
      return (p: number) => `percentile_cont(v, ${p})`;
    })();
    return this.percentile;
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
   * before the period (arrivals less departures, counted as the period's
   * are) and each month's arrivals and departures.
   */
  private async queueAtMonthEnds(
    query: MetricsQuery,
    groups: Map<string, MetricsFigures>,
    leftQueue: Map<string, number>,
    from: number,
  ) {
    const [before] = await this.counts(query, 0, from, false);
    let queue = num(before?.created) - num(before?.left_queue);
    for (const [month, figures] of [...groups.entries()].sort()) {
      queue += figures.created - (leftQueue.get(month) ?? 0);
      figures.open = Math.max(0, queue);
    }
  }
}

function addCounts(figures: MetricsFigures, row: CountRow) {
  figures.created += num(row.created);
  figures.decided += num(row.approved) + num(row.rejected);
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

/** A duration in milliseconds, as seconds to the millisecond. */
function seconds(milliseconds: number | string | null): number | null {
  return milliseconds === null ? null : Math.round(Number(milliseconds)) / 1000;
}

/**
 * The whole UTC months inside [from, to), if any. A period that ends after
 * `now` takes its last month whole: nothing has happened after now, so the
 * month's row holds just the period's part of it (the Insights page asks
 * for whole months up to tomorrow).
 */
function wholeMonths(from: number, to: number, now: number) {
  const floor = (time: number) => {
    const date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  };
  const ceil = (time: number) =>
    floor(time) === time ? time : monthStart(new Date(time), 1);
  const wholeFrom = ceil(from);
  const wholeTo = to > now ? ceil(to) : floor(to);
  return wholeFrom < wholeTo ? { from: wholeFrom, to: wholeTo } : undefined;
}

function oldest(values: Array<number | string | null>): string | null {
  const present = values.filter(v => v !== null).map(Number);
  return present.length ? new Date(Math.min(...present)).toISOString() : null;
}

function num(value: number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
