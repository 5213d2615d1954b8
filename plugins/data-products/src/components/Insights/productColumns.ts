import type { MetricsFigures } from '@datamesh-governance/plugin-data-products-common';
import { CsvValue } from '../shared/csv';
import { formatOldestAge, formatSeconds, formatShare } from './formatMetrics';

/** One product's row of the Insights table. */
export type ProductRow = { key: string; figures: MetricsFigures };

/**
 * A column of the per-product table: what it shows, what it sorts by (null
 * sorts last either way) and what the CSV holds.
 */
export type ProductColumn = {
  id: string;
  title: string;
  /** The CSV header, with the unit the CSV value is in. */
  csvTitle: string;
  sortValue: (row: ProductRow) => number | string | null;
  text: (row: ProductRow, now: Date) => string;
  csv: (row: ProductRow, now: Date) => CsvValue;
};

const HOUR = 3600;
const hours = (seconds: number | null) =>
  seconds === null ? null : Math.round((seconds / HOUR) * 10) / 10;

function count(id: keyof MetricsFigures, title: string): ProductColumn {
  return {
    id,
    title,
    csvTitle: title,
    sortValue: r => r.figures[id] as number,
    text: r => String(r.figures[id]),
    csv: r => r.figures[id] as number,
  };
}

export const productColumns: ProductColumn[] = [
  {
    id: 'product',
    title: 'Data product',
    csvTitle: 'Data product',
    sortValue: r => r.key,
    text: r => r.key,
    csv: r => r.key,
  },
  count('created', 'Requests'),
  count('decided', 'Decided'),
  count('approved', 'Approved'),
  count('rejected', 'Rejected'),
  {
    id: 'rejectionShare',
    title: 'Rejection share',
    csvTitle: 'Rejection share (%)',
    sortValue: r => r.figures.rejectionShare,
    text: r => formatShare(r.figures.rejectionShare),
    csv: r =>
      r.figures.rejectionShare === null
        ? null
        : Math.round(r.figures.rejectionShare * 1000) / 10,
  },
  {
    id: 'medianDecision',
    title: 'Median decision',
    csvTitle: 'Median time to decision (hours)',
    sortValue: r => r.figures.timeToDecision.medianSeconds,
    text: r => formatSeconds(r.figures.timeToDecision.medianSeconds),
    csv: r => hours(r.figures.timeToDecision.medianSeconds),
  },
  {
    id: 'p90Decision',
    title: 'p90 decision',
    csvTitle: '90th percentile time to decision (hours)',
    sortValue: r => r.figures.timeToDecision.p90Seconds,
    text: r => formatSeconds(r.figures.timeToDecision.p90Seconds),
    csv: r => hours(r.figures.timeToDecision.p90Seconds),
  },
  count('open', 'Open now'),
  {
    id: 'oldestOpen',
    title: 'Oldest open',
    csvTitle: 'Oldest open since',
    // Older first when ascending by age means an earlier creation time.
    sortValue: r =>
      r.figures.oldestOpenCreatedAt === null
        ? null
        : -Date.parse(r.figures.oldestOpenCreatedAt),
    text: (r, now) => formatOldestAge(r.figures.oldestOpenCreatedAt, now),
    csv: r => r.figures.oldestOpenCreatedAt,
  },
];

export type SortOrder = 'asc' | 'desc';

/** Rows sorted by a column; rows without a value come last in both orders. */
export function sortRows(
  rows: ProductRow[],
  column: ProductColumn,
  order: SortOrder,
): ProductRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === null || y === null) {
      if (x === y) return a.key.localeCompare(b.key);
      return x === null ? 1 : -1;
    }
    const byValue =
      typeof x === 'string' || typeof y === 'string'
        ? String(x).localeCompare(String(y))
        : x - y;
    return byValue !== 0 ? sign * byValue : a.key.localeCompare(b.key);
  });
}
