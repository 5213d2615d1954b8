import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  AccessRequestStatus,
  ListAccessRequestsQuery,
} from '@datamesh-governance/plugin-data-products-common';
import type { AccessRequestFilter } from '@datamesh-governance/plugin-data-products-node';
import { Knex } from 'knex';
import { compiledOnce } from './compiledOnce';
import { Cursor, encodeCursor } from './cursor';
import {
  PageInput,
  pageInputOf,
  shapeOf,
  slotsOf,
  withStandIns,
} from './pageInput';
import { applyPolicyFilter, settledByBranch } from './policyFilter';
import { selectPrepared } from './preparedStatement';
import { VIEWER_ROLES, VIEWERS, ViewerRole } from './viewers';

/** Who is looking: their user ref and every ref they own or belong to. */
export type Viewer = { userRef: string; claims: string[] };

/** The list filters, as the API takes them (cursor and page size included). */
export type ListFilter = Omit<ListAccessRequestsQuery, 'sort' | 'order'> &
  Partial<Pick<ListAccessRequestsQuery, 'sort' | 'order'>>;

const ALL_STATUSES: AccessRequestStatus[] = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'revoked',
];

/** A stored status, and whether the row's end must be ahead of or behind now. */
type StoredStatus = { status: AccessRequestStatus; alive?: boolean };

/** SQLite allows 500 terms in one compound SELECT. */
const BRANCHES_PER_QUERY = 100;

/** A row of the page: its id and the value it is sorted by, and whatever `withRows` joined. */
export type PageRow = { id: string; sort_value: number | string };

/** How a page is read, besides what it is. */
export type PageOptions = {
  /**
   * Joins what the caller needs of each row of the page to the same
   * statement; `key` names the join among the shapes compiled once.
   */
  withRows?: {
    key: string;
    join: (page: Knex.QueryBuilder) => Knex.QueryBuilder;
  };
  /** Prepare the statement (see selectPrepared). */
  prepared: boolean;
};

/**
 * Finds one page of requests. The viewer table has a row per viewer and
 * role, ordered by status and time in its indexes, so the page is the merge
 * of small index seeks — one per (viewer ref, role, stored status) — each
 * reading at most a page of rows. Cost follows the page size and the number
 * of the viewer's groups, not the size of the table. With `withRows` a page
 * is one round trip to the database. Its SQL is built once per shape (see
 * compiledOnce) unless the policy's conditions add to it.
 */
export async function findPage<Row extends PageRow = PageRow>(
  db: Knex,
  filter: ListFilter,
  viewer: Viewer,
  criteria: PermissionCriteria<AccessRequestFilter> | undefined,
  now: number,
  { withRows, prepared }: PageOptions,
): Promise<{ rows: Row[]; nextCursor?: string }> {
  const input = pageInputOf(filter, viewer, now);
  const build = (pageInput: PageInput, conditions?: typeof criteria) =>
    pageQueries(db, filter, pageInput, conditions, withRows?.join);
  // Conditions every branch settles add nothing to the SQL (see policyFilter).
  const settled = !criteria || !conditionsNarrow(filter, viewer, criteria);
  // (A viewer always claims their own ref; one who did not is built as is.)
  const statements =
    settled && viewer.claims.includes(viewer.userRef)
      ? compiledOnce(
          db,
          shapeOf(filter, input, withRows?.key),
          slotsOf(input),
          standIns => build(withStandIns(input, standIns)),
        )
      : build(input, criteria).map(query => query.toSQL());

  const found = new Map<string, Row>();
  for (const statement of statements) {
    const rows = await selectPrepared<Row>(db, statement, prepared);
    for (const row of rows) found.set(row.id, row);
  }

  const direction = filter.order === 'asc' ? 1 : -1;
  const sorted = [...found.values()].sort(
    (a, b) =>
      direction *
      (Number(a.sort_value) - Number(b.sort_value) || compareIds(a.id, b.id)),
  );
  const page = sorted.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      sorted.length > filter.limit && last
        ? encodeCursor({ value: Number(last.sort_value), id: last.id })
        : undefined,
  };
}

/** The statements of a page: one per hundred branches, merged and joined. */
function pageQueries(
  db: Knex,
  filter: ListFilter,
  input: PageInput,
  criteria: PermissionCriteria<AccessRequestFilter> | undefined,
  withRows?: (page: Knex.QueryBuilder) => Knex.QueryBuilder,
): Knex.QueryBuilder[] {
  const sortColumn = filter.sort === 'endsAt' ? 'ends_at' : 'created_at';
  const order = filter.order ?? 'desc';
  const branches = branchesFor(filter, input.viewer).flatMap(branch =>
    storedStatuses(filter.status).flatMap(stored => {
      const query = db(VIEWERS)
        .select(`${VIEWERS}.request_id as id`, `${sortColumn} as sort_value`)
        .where({ viewer_ref: branch.viewerRef, status: stored.status });
      if (branch.role) query.where({ role: branch.role });
      else query.distinct();
      if (!applyPolicyFilter(query, criteria, branch)) return [];
      narrow(query, filter, input, stored, sortColumn);
      seekAfter(query, sortColumn, order, input.cursor);
      if (stored.alive === false && branch.role) {
        // Few rows are past their end and not yet swept: the planner should
        // find them by their end and sort them, not walk the sort order.
        // (A DISTINCT branch, one product's rows, must order by a column.)
        query.orderByRaw(`+?? ${order}, ?? ${order}`, [
          sortColumn,
          `${VIEWERS}.request_id`,
        ]);
      } else {
        query.orderBy([
          { column: sortColumn, order },
          { column: `${VIEWERS}.request_id`, order },
        ]);
      }
      return [query.limit(input.take)];
    }),
  );

  const statements: Knex.QueryBuilder[] = [];
  for (let i = 0; i < branches.length; i += BRANCHES_PER_QUERY) {
    const [first, ...rest] = branches
      .slice(i, i + BRANCHES_PER_QUERY)
      .map((branch, n) => db.select('*').from(branch.as(`b${n}`)));
    const merged = rest.length > 0 ? first.unionAll(rest) : first;
    // A request seen through two refs comes once; the page is the first `take`.
    const page = db
      .distinct('id', 'sort_value')
      .from(merged.as('merged'))
      .orderBy([
        { column: 'sort_value', order },
        { column: 'id', order },
      ])
      .limit(input.take);
    statements.push(withRows ? withRows(page) : page);
  }
  return statements;
}

/**
 * Whether a policy's conditions could leave out rows of this list: false
 * when every branch already settles them (as with the example policy, whose
 * conditions every viewer's own rows meet), so that the page read without
 * them is the same page.
 */
export function conditionsNarrow(
  filter: Pick<ListFilter, 'role' | 'entityRef'>,
  viewer: Viewer,
  criteria: PermissionCriteria<AccessRequestFilter>,
): boolean {
  return branchesFor(filter, viewer).some(
    branch => !settledByBranch(criteria, branch),
  );
}

/** Ids in code-point order, as the database orders UUIDs. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** One seek per viewer ref and role that the list's role can see. */
function branchesFor(
  filter: Pick<ListFilter, 'role' | 'entityRef'>,
  viewer: Viewer,
): { viewerRef: string; role?: ViewerRole }[] {
  if (filter.role === 'requester') {
    return [{ viewerRef: viewer.userRef, role: 'requester' }];
  }
  if (filter.role === 'approver') {
    return viewer.claims.map(viewerRef => ({ viewerRef, role: 'decider' }));
  }
  // Within one product, one seek per ref covers every role (rows are few);
  // across products the role is part of the index.
  if (filter.entityRef) return viewer.claims.map(viewerRef => ({ viewerRef }));
  return viewer.claims.flatMap(viewerRef =>
    VIEWER_ROLES.filter(
      role => role !== 'requester' || viewerRef === viewer.userRef,
    ).map(role => ({ viewerRef, role })),
  );
}

/** The stored statuses behind an effective one: expiry is also read-time. */
function storedStatuses(status?: AccessRequestStatus): StoredStatus[] {
  if (!status) return ALL_STATUSES.map(s => ({ status: s }));
  if (status === 'pending' || status === 'approved') {
    return [{ status, alive: true }];
  }
  if (status === 'expired') {
    return [
      { status: 'expired' },
      { status: 'pending', alive: false },
      { status: 'approved', alive: false },
    ];
  }
  return [{ status }];
}

function narrow(
  query: Knex.QueryBuilder,
  filter: ListFilter,
  { viewer, now, entityRef, createdBefore }: PageInput,
  stored: StoredStatus,
  sortColumn: string,
) {
  if (entityRef !== undefined) query.where({ entity_ref: entityRef });
  if (stored.alive === true && sortColumn !== 'ends_at') {
    // Nearly every open row is in force. `+` keeps this filter off the
    // indexes, so that the planner walks the sort order and stops after a
    // page instead of collecting every row in force and sorting them.
    query.whereRaw('+?? > ?', ['ends_at', now]);
  } else if (stored.alive === true) {
    query.where('ends_at', '>', now);
  }
  if (stored.alive === false) query.where('ends_at', '<=', now);
  if (createdBefore !== undefined) {
    query.where('created_at', '<', createdBefore);
  }
  if (filter.role === 'approver') {
    // Separation of duties: never offer a request you filed or are the subject of.
    query
      .whereNot({ requester_ref: viewer.userRef })
      .whereNotIn('subject_ref', viewer.claims);
  }
}

/** Keyset: rows strictly after the cursor, in a form the index can seek on. */
function seekAfter(
  query: Knex.QueryBuilder,
  column: string,
  order: 'asc' | 'desc',
  cursor: Cursor | undefined,
) {
  if (!cursor) return;
  const [inclusive, strict] = order === 'asc' ? ['>=', '>'] : ['<=', '<'];
  query
    .where(column, inclusive, cursor.value)
    .where(q =>
      q
        .where(column, strict, cursor.value)
        .orWhere(`${VIEWERS}.request_id`, strict, cursor.id),
    );
}
