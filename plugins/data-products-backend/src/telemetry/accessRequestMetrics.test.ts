import {
  DataPointType,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { accessRequestMetrics, METRIC_NAMES } from './accessRequestMetrics';

/** Collects on demand, as a Prometheus scrape would. */
class TestReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

const request = (extra: Partial<AccessRequest>): AccessRequest => ({
  id: '00000000-0000-4000-8000-000000000001',
  entityRef: 'dataproduct:default/benefit-decisions',
  outputPort: 'decisions_v1',
  subjectRef: 'user:default/ada',
  requesterRef: 'user:default/ada',
  purpose: 'Statistics',
  approvalMode: 'required',
  status: 'pending',
  endsAt: '2030-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('accessRequestMetrics', () => {
  it('counts requests and decisions, records time to decision and reads the open queue at most once a minute', async () => {
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    let clock = Date.parse('2026-01-02T00:00:00Z');
    let reads = 0;
    const listen = accessRequestMetrics({
      meter: provider.getMeter('data-products'),
      countOpen: async () => {
        reads += 1;
        return 7 + reads;
      },
      now: () => clock,
    });
    const actor = 'user:default/olav';
    await listen({ kind: 'create', request: request({}), actorRef: actor });
    await listen({
      kind: 'create',
      request: request({ status: 'approved', approvalMode: 'auto' }),
      actorRef: actor,
    });
    for (const [hours, kind] of [
      [1, 'approve'],
      [3, 'approve'],
      [10, 'reject'],
    ] as const) {
      await listen({
        kind,
        request: request({
          status: kind === 'approve' ? 'approved' : 'rejected',
          decidedAt: new Date(
            Date.parse('2026-01-01T00:00:00Z') + hours * 3_600_000,
          ).toISOString(),
        }),
        actorRef: actor,
      });
    }
    await listen({ kind: 'revoke', request: request({}), actorRef: actor });

    const collect = async () => {
      const { resourceMetrics } = await reader.collect();
      return new Map(
        resourceMetrics.scopeMetrics
          .flatMap(scope => scope.metrics)
          .map(metric => [metric.descriptor.name, metric]),
      );
    };
    const first = await collect();
    expect(
      first.get(METRIC_NAMES.created)?.dataPoints.map(p => p.value),
    ).toEqual([2]);
    const decisions = first.get(METRIC_NAMES.decisions)!;
    expect(
      Object.fromEntries(
        decisions.dataPoints.map(p => [p.attributes.outcome, p.value]),
      ),
    ).toEqual({ automatic: 1, approved: 2, rejected: 1 });
    const histogram = first.get(METRIC_NAMES.timeToDecision)!;
    expect(histogram.dataPointType).toBe(DataPointType.HISTOGRAM);
    const approved = histogram.dataPoints.find(
      p => p.attributes.outcome === 'approved',
    )!.value as { count: number; sum: number };
    expect(approved).toMatchObject({ count: 2, sum: 4 * 3600 });
    expect(first.get(METRIC_NAMES.open)?.dataPoints.map(p => p.value)).toEqual([
      8,
    ]);

    // Within the minute the cached count answers; after it, a fresh read.
    clock += 30_000;
    expect((await collect()).get(METRIC_NAMES.open)?.dataPoints[0].value).toBe(
      8,
    );
    clock += 31_000;
    expect((await collect()).get(METRIC_NAMES.open)?.dataPoints[0].value).toBe(
      9,
    );
    expect(reads).toBe(2);
  });
});
