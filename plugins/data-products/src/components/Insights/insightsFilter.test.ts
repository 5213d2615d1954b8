import {
  defaultPeriod,
  readFilter,
  toMetricsQuery,
  writeFilter,
} from './insightsFilter';

const now = new Date('2026-11-30T09:00:00Z');

describe('the Insights filter in the URL', () => {
  it('defaults to the last twelve months, whole months back to the first', () => {
    expect(defaultPeriod(now)).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
    });
    expect(readFilter(new URLSearchParams(), now)).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
      product: '',
      owner: '',
      domain: '',
      classification: '',
    });
  });

  it('reads a period and filters, and writes back only what differs from the default', () => {
    const params = new URLSearchParams(
      'from=2026-01-01&to=2026-03-31&owner=group:default/team-benefits&classification=personal',
    );
    const filter = readFilter(params, now);
    expect(filter).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-31',
      owner: 'group:default/team-benefits',
      classification: 'personal',
    });
    expect(writeFilter(filter, now).toString()).toBe(params.toString());
    expect(
      writeFilter(
        {
          ...readFilter(new URLSearchParams(), now),
          domain: 'domain:default/employment',
        },
        now,
      ).toString(),
    ).toBe('domain=domain%3Adefault%2Femployment');
  });

  it.each([
    'from=2026-13-01&to=2026-03-01',
    'from=2026-03-01&to=2026-01-01',
    'from=yesterday&to=2026-01-01',
    'from=2026-01-01',
  ])('falls back to the default period for %s', query => {
    expect(readFilter(new URLSearchParams(query), now)).toMatchObject(
      defaultPeriod(now),
    );
  });

  it('asks the API up to the day after `to`, so the last day counts', () => {
    expect(
      toMetricsQuery(
        {
          ...readFilter(
            new URLSearchParams('from=2026-01-01&to=2026-12-31'),
            now,
          ),
          product: 'dataproduct:default/x',
        },
        'month',
      ),
    ).toEqual({
      from: '2026-01-01',
      to: '2027-01-01',
      groupBy: 'month',
      entityRef: 'dataproduct:default/x',
      owner: undefined,
      domain: undefined,
      classification: undefined,
    });
  });
});
