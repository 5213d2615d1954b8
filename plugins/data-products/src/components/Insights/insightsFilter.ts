import type { MetricsQuery } from '../../api/DataProductsApi';

/**
 * What the Insights page shows: a period of whole days (`to` included) and
 * optional filters, each an entity ref or a classification; '' is "all".
 * Kept in the page's URL so that a view can be shared and bookmarked.
 */
export type InsightsFilter = {
  from: string;
  to: string;
  product: string;
  owner: string;
  domain: string;
  classification: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const filterKeys = ['product', 'owner', 'domain', 'classification'] as const;

export const classifications = [
  'public',
  'internal',
  'personal',
  'sensitive',
] as const;

function isDay(value: string | null): value is string {
  return !!value && DAY.test(value) && !Number.isNaN(Date.parse(value));
}

/** yyyy-mm-dd of an instant in UTC. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last twelve months: from the first day of the month 11 months ago to today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const from = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1),
  );
  return { from: day(from), to: day(now) };
}

/** The filter a URL asks for; missing or unreadable dates give the default period. */
export function readFilter(params: URLSearchParams, now: Date): InsightsFilter {
  const period = defaultPeriod(now);
  const from = params.get('from');
  const to = params.get('to');
  const valid = isDay(from) && isDay(to) && from <= to;
  return {
    from: valid ? from : period.from,
    to: valid ? to : period.to,
    product: params.get('product') ?? '',
    owner: params.get('owner') ?? '',
    domain: params.get('domain') ?? '',
    classification: params.get('classification') ?? '',
  };
}

/** The URL query of a filter; the default period and empty filters are left out. */
export function writeFilter(
  filter: InsightsFilter,
  now: Date,
): URLSearchParams {
  const params = new URLSearchParams();
  const period = defaultPeriod(now);
  if (filter.from !== period.from || filter.to !== period.to) {
    params.set('from', filter.from);
    params.set('to', filter.to);
  }
  for (const key of filterKeys) {
    if (filter[key]) params.set(key, filter[key]);
  }
  return params;
}

/** The API query: the day after `to` ends the period, so `to` is included. */
export function toMetricsQuery(
  filter: InsightsFilter,
  groupBy: MetricsQuery['groupBy'],
): MetricsQuery {
  const end = new Date(`${filter.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return {
    from: filter.from,
    to: day(end),
    groupBy,
    entityRef: filter.product || undefined,
    owner: filter.owner || undefined,
    domain: filter.domain || undefined,
    classification: filter.classification || undefined,
  };
}
