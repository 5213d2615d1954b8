import type {
  AccessMetrics,
  MetricsFigures,
} from '@datamesh-governance/plugin-data-products-common';

const HOUR = 3600;

/** Figures as the API returns them; zeros unless overridden. */
export function figures(
  overrides: Partial<MetricsFigures> = {},
): MetricsFigures {
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
    ...overrides,
  };
}

/** A product's figures with `rejected` of `decided` owner decisions. */
export function decided(
  created: number,
  rejected: number,
  ownerDecided: number,
  medianHours: number,
): MetricsFigures {
  return figures({
    created,
    decided: ownerDecided,
    ownerDecided,
    approved: ownerDecided - rejected,
    rejected,
    rejectionShare: ownerDecided ? rejected / ownerDecided : null,
    timeToDecision: {
      medianSeconds: medianHours * HOUR,
      p90Seconds: medianHours * 2 * HOUR,
    },
  });
}

/** An answer of GET /metrics. */
export function metrics(
  groupBy: AccessMetrics['groupBy'],
  groups: AccessMetrics['groups'],
  totals: MetricsFigures = figures(),
): AccessMetrics {
  return { from: '2026-01-01', to: '2026-04-01', groupBy, totals, groups };
}
