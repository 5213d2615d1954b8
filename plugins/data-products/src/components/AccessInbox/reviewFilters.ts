import type {
  AccessRequestStatus,
  ListAccessRequestsQuery,
} from '@datamesh-governance/plugin-data-products-common';

/** How long requests have waited, in days; 0 means any age. */
export const ageOptions = [
  { days: 0, label: 'Any age' },
  { days: 1, label: 'Older than 1 day' },
  { days: 7, label: 'Older than 7 days' },
] as const;

/** The orders the API can sort by. */
export const sortOptions = [
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'endsAt:asc', label: 'Ending soonest' },
  { value: 'endsAt:desc', label: 'Ending latest' },
] as const;

/** What the "To review" list shows. */
export type ReviewFilter = {
  /** A data product's entity ref, or '' for all. */
  entityRef: string;
  status: AccessRequestStatus | 'any';
  ageDays: (typeof ageOptions)[number]['days'];
  sort: (typeof sortOptions)[number]['value'];
};

export const defaultReviewFilter: ReviewFilter = {
  entityRef: '',
  status: 'pending',
  ageDays: 0,
  sort: 'createdAt:desc',
};

/** The API query for a filter; the age becomes `createdBefore`, evaluated at `now`. */
export function toQuery(
  filter: ReviewFilter,
  now: Date,
): Partial<ListAccessRequestsQuery> {
  const [sort, order] = filter.sort.split(':') as [
    ListAccessRequestsQuery['sort'],
    ListAccessRequestsQuery['order'],
  ];
  return {
    role: 'approver',
    entityRef: filter.entityRef || undefined,
    status: filter.status === 'any' ? undefined : filter.status,
    createdBefore: filter.ageDays
      ? new Date(now.getTime() - filter.ageDays * 86_400_000).toISOString()
      : undefined,
    sort,
    order,
  };
}

const statusValues: ReviewFilter['status'][] = [
  'any',
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'revoked',
];

function oneOf<T>(values: readonly T[], raw: string | null, fallback: T): T {
  return values.find(v => String(v) === raw) ?? fallback;
}

/**
 * The filter a URL's query names (`?product=…&status=…&age=…&sort=…`); what
 * is missing or unknown takes its default, so an old link still opens.
 */
export function filterFromParams(params: URLSearchParams): ReviewFilter {
  return {
    entityRef: params.get('product') ?? defaultReviewFilter.entityRef,
    status: oneOf(
      statusValues,
      params.get('status'),
      defaultReviewFilter.status,
    ),
    ageDays: oneOf(
      ageOptions.map(o => o.days),
      params.get('age'),
      defaultReviewFilter.ageDays,
    ),
    sort: oneOf(
      sortOptions.map(o => o.value),
      params.get('sort'),
      defaultReviewFilter.sort,
    ),
  };
}

/** The query for a filter: only what differs from the default. */
export function paramsFromFilter(filter: ReviewFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.entityRef) params.set('product', filter.entityRef);
  if (filter.status !== defaultReviewFilter.status) {
    params.set('status', filter.status);
  }
  if (filter.ageDays !== defaultReviewFilter.ageDays) {
    params.set('age', String(filter.ageDays));
  }
  if (filter.sort !== defaultReviewFilter.sort) params.set('sort', filter.sort);
  return params;
}

/** Whether nothing narrows the list beyond what waits for a decision. */
export function isDefaultFilter(filter: ReviewFilter): boolean {
  return paramsFromFilter(filter).toString() === '';
}
