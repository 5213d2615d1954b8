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
