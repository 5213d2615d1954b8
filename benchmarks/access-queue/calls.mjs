// The calls measured, each as the portal's frontend makes it
// (plugins/data-products/src). To measure a new endpoint, e.g. a count for
// the sidebar badge, add a row here.
import {
  MEASURED_CONSUMER,
  MEASURED_OWNER,
  membersOf,
  PRIVACY_OFFICE,
} from './org.mjs';
import { measuredProducts } from './requests.mjs';

const DAY = 86_400_000;
/** A member of the privacy office, who may read the Art. 30 report. */
const PRIVACY_OFFICER = membersOf(PRIVACY_OFFICE)[0];
const q = params => new URLSearchParams(params).toString();
const day = time => new Date(time).toISOString().slice(0, 10);
/** The Insights page's default period: whole days, the last twelve months. */
const insightsYear = now => {
  const today = new Date(now);
  return {
    from: day(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)),
    to: day(now + DAY),
  };
};
const requests = params => `/api/data-products/requests?${q(params)}`;
const grants = params => `/api/data-products/grants?${q(params)}`;
/** The inbox's "To review" query: toQuery() in AccessInbox/reviewFilters.ts. */
const toReview = status =>
  requests({
    role: 'approver',
    ...(status ? { status } : {}),
    sort: 'createdAt',
    order: 'desc',
  });

/**
 * id: names the call in the report; as: who signs in; path: what is fetched
 * (`now` is when the run started); nextPageOf: the page after that call's
 * first page; optional: left out, with a note, where the backend does not
 * answer it (an endpoint older code lacks); reference: not a budgeted call.
 */
export function measuredCalls(now) {
  const before30Days = new Date(now - 30 * DAY).toISOString();
  const owned = measuredProducts.owned;
  const consumed = measuredProducts.consumed;
  return [
    // The queue as issue 10 states it.
    {
      id: 'approver-pending',
      as: MEASURED_OWNER,
      path: requests({ role: 'approver', status: 'pending', limit: '20' }),
    },
    {
      id: 'approver-pending-page-2',
      as: MEASURED_OWNER,
      nextPageOf: 'approver-pending',
    },
    {
      id: 'approver-pending-older-30d',
      as: MEASURED_OWNER,
      path: requests({
        role: 'approver',
        status: 'pending',
        limit: '20',
        createdBefore: before30Days,
      }),
    },
    // Access inbox, "To review" (ToReviewTab), default filter and each status.
    { id: 'inbox-to-review', as: MEASURED_OWNER, path: toReview('pending') },
    ...['approved', 'rejected', 'cancelled', 'expired', 'revoked'].map(
      status => ({
        id: `inbox-${status}`,
        as: MEASURED_OWNER,
        path: toReview(status),
      }),
    ),
    { id: 'inbox-any-status', as: MEASURED_OWNER, path: toReview() },
    // Sidebar badge (usePendingDecisionCount): a count up to 100; before
    // the count endpoint existed, one page of at most 100.
    {
      id: 'badge-count',
      as: MEASURED_OWNER,
      path: `/api/data-products/requests/count?${q({
        role: 'approver',
        status: 'pending',
      })}`,
      optional: true,
    },
    {
      id: 'badge-list-100',
      as: MEASURED_OWNER,
      path: requests({ role: 'approver', status: 'pending', limit: '100' }),
    },
    // A product's Requests tab (RequestsTab): queue, decided, grants.
    {
      id: 'product-pending',
      as: MEASURED_OWNER,
      path: requests({
        role: 'approver',
        entityRef: owned,
        status: 'pending',
        sort: 'createdAt',
        order: 'asc',
      }),
    },
    {
      id: 'product-decided',
      as: MEASURED_OWNER,
      path: requests({ role: 'approver', entityRef: owned }),
    },
    {
      id: 'product-grants',
      as: MEASURED_OWNER,
      path: grants({ entityRef: owned }),
    },
    // A consumer: Access inbox "My requests" and "My grants" (MyRequestsTab,
    // MyGrantsTab), and a product's Access tab (useYourAccess).
    {
      id: 'my-requests',
      as: MEASURED_CONSUMER,
      path: requests({ role: 'requester' }),
    },
    {
      id: 'my-grants',
      as: MEASURED_CONSUMER,
      path: requests({
        role: 'requester',
        status: 'approved',
        sort: 'endsAt',
        order: 'asc',
      }),
    },
    {
      id: 'access-tab-requests',
      as: MEASURED_CONSUMER,
      path: requests({ role: 'requester', entityRef: consumed, limit: '100' }),
    },
    {
      id: 'access-tab-grants',
      as: MEASURED_CONSUMER,
      path: grants({ entityRef: consumed, limit: '100' }),
    },
    // Insights (InsightsPage): its default period, twelve months from the
    // first day of the month eleven months ago to the end of today
    // (defaultPeriod and toMetricsQuery in Insights/insightsFilter.ts), by
    // month for the charts, for any user.
    {
      id: 'metrics-year',
      as: MEASURED_OWNER,
      path: `/api/data-products/metrics?${q({
        ...insightsYear(now),
        groupBy: 'month',
      })}`,
      optional: true,
      p95BudgetMs: 300,
    },
    // The Insights page's per-product table: the same year, by product.
    {
      id: 'metrics-year-by-product',
      as: MEASURED_OWNER,
      path: `/api/data-products/metrics?${q({
        ...insightsYear(now),
        groupBy: 'product',
      })}`,
      optional: true,
      p95BudgetMs: 300,
    },
    // The Art. 30 report's first page, as a privacy officer (the backend's
    // policy is given permission.privacyOfficers: [PRIVACY_OFFICE]).
    {
      id: 'report-first-page',
      as: PRIVACY_OFFICER,
      path: `/api/data-products/reports/personal-data-access?${q({
        limit: '25',
      })}`,
      optional: true,
      p95BudgetMs: 300,
    },
    // The reference: the catalog's own paginated list on the same backend.
    {
      id: 'catalog-by-query',
      as: MEASURED_OWNER,
      path: '/api/catalog/entities/by-query?limit=20',
      reference: true,
    },
  ];
}

/** The call whose p95 at the largest size must not exceed the catalog's. */
export const APPROVER_FIRST_PAGE = 'approver-pending';
