import { Meter, metrics } from '@opentelemetry/api';
import type { AccessRequestListener } from '../service/changes';

/** The metric names, as the README documents them. */
export const METRIC_NAMES = {
  created: 'data_products.access_requests.created',
  decisions: 'data_products.access_requests.decisions',
  timeToDecision: 'data_products.access_requests.time_to_decision',
  open: 'data_products.access_requests.open',
} as const;

/** The open count is read at most this often, however often it is scraped. */
const OPEN_CACHE_MS = 60_000;

/**
 * OpenTelemetry metrics of the access requests, fed by the changes every
 * transition tells: requests made, decisions by outcome (`approved`,
 * `rejected`, `automatic` for ports that grant at once), the seconds from
 * request to an owner's decision, and the open queue as a gauge read from
 * the database at most once a minute. Without an SDK registered in the
 * process the API's no-op meter makes all of this free.
 */
export function accessRequestMetrics(options: {
  countOpen: () => Promise<number>;
  meter?: Meter;
  now?: () => number;
}): AccessRequestListener {
  const meter = options.meter ?? metrics.getMeter('data-products');
  const now = options.now ?? Date.now;
  const created = meter.createCounter(METRIC_NAMES.created, {
    description: 'Access requests made',
  });
  const decisions = meter.createCounter(METRIC_NAMES.decisions, {
    description: 'Access requests decided, by outcome',
  });
  const timeToDecision = meter.createHistogram(METRIC_NAMES.timeToDecision, {
    description: "Seconds from an access request to its owner's decision",
    unit: 's',
  });
  let open: { value: number; at: number } | undefined;
  let reading: Promise<number> | undefined;
  const openCount = async () => {
    if (open && now() - open.at < OPEN_CACHE_MS) return open.value;
    reading ??= options.countOpen().finally(() => {
      reading = undefined;
    });
    const value = await reading;
    open = { value, at: now() };
    return value;
  };
  meter
    .createObservableGauge(METRIC_NAMES.open, {
      description: 'Access requests waiting for a decision',
    })
    .addCallback(async result => result.observe(await openCount()));

  return async ({ kind, request }) => {
    if (kind === 'create') {
      created.add(1);
      // A port that grants at once answers the create approved.
      if (request.status === 'approved') {
        decisions.add(1, { outcome: 'automatic' });
      }
      return;
    }
    if (kind !== 'approve' && kind !== 'reject') return;
    decisions.add(1, { outcome: kind === 'approve' ? 'approved' : 'rejected' });
    const decidedAt = request.decidedAt ? Date.parse(request.decidedAt) : now();
    const seconds = (decidedAt - Date.parse(request.createdAt)) / 1000;
    if (seconds >= 0) {
      timeToDecision.record(seconds, {
        outcome: kind === 'approve' ? 'approved' : 'rejected',
      });
    }
  };
}
