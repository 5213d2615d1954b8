import { makeDataProduct } from '../../__fixtures__/dataProducts';
import type { OutputPort } from '../../entity/DataProductEntity';
import { makeActivity } from '../__fixtures__/activities';
import { endDateLimit, endDateProblem } from './endDate';

const now = new Date('2026-11-28T12:00:00Z');
// decisions_v1 lasts at most P90D; decision_counts_v1 sets no maximum.
const [decisions, counts] = makeDataProduct().spec.outputPorts;
const in90Days = new Date('2027-02-26T12:00:00Z');

describe('endDateLimit', () => {
  it("is the port's maximum duration from now", () => {
    expect(endDateLimit({ port: decisions, now })).toEqual({
      latest: in90Days,
      reason: 'access to decisions_v1 lasts at most P90D',
    });
  });

  it('is the configured ceiling where that comes first, or the port sets none', () => {
    expect(endDateLimit({ port: decisions, now, ceiling: 'P30D' })).toEqual({
      latest: new Date('2026-12-28T12:00:00Z'),
      reason: 'access to any data product lasts at most P30D',
    });
    expect(
      endDateLimit({ port: decisions, now, ceiling: 'P365D' })?.latest,
    ).toEqual(in90Days);
    expect(endDateLimit({ port: counts, now, ceiling: 'P365D' })?.reason).toBe(
      'access to any data product lasts at most P365D',
    );
  });

  it("is the end of the activity's last day where that comes first", () => {
    expect(
      endDateLimit({
        port: decisions,
        now,
        activity: makeActivity({ validTo: '2026-12-31' }),
      }),
    ).toEqual({
      latest: new Date('2026-12-31T23:59:59.999Z'),
      reason: 'B123 is valid until 2026-12-31',
    });
    expect(
      endDateLimit({ port: decisions, now, activity: makeActivity() })?.latest,
    ).toEqual(in90Days);
  });

  it('is undefined when nothing limits access', () => {
    expect(endDateLimit({ port: counts, now })).toBeUndefined();
    expect(
      endDateLimit({
        port: counts,
        now,
        activity: makeActivity({ validTo: undefined }),
      }),
    ).toBeUndefined();
  });

  it('refuses a duration that is not ISO 8601', () => {
    const port: OutputPort = {
      ...decisions,
      access: { approval: 'required', maxDuration: '90 days' },
    };
    expect(() => endDateLimit({ port, now })).toThrow(
      /not an ISO 8601 duration/,
    );
  });
});

describe('endDateProblem', () => {
  const problemAt = (endsAt: string, ceiling?: string) =>
    endDateProblem({ endsAt: new Date(endsAt), port: decisions, now, ceiling });

  it('accepts an end in the future within the limits', () => {
    expect(problemAt('2027-01-15')).toBeUndefined();
    expect(problemAt('2027-02-26')).toBeUndefined();
    expect(problemAt(in90Days.toISOString())).toBeUndefined();
  });

  it('refuses an end that is not in the future', () => {
    expect(problemAt('2026-11-28T12:00:00Z')).toEqual({
      field: 'endsAt',
      message: 'must be in the future',
    });
    expect(problemAt('2026-11-28')?.message).toBe('must be in the future');
  });

  it('names the latest day, and the instant when the end falls on that day', () => {
    expect(problemAt('2027-02-27')).toEqual({
      field: 'endsAt',
      message:
        'must be 2027-02-26 or earlier: access to decisions_v1 lasts at most P90D',
    });
    expect(problemAt('2027-02-26T12:00:00.001Z')?.message).toBe(
      'must be 2027-02-26T12:00:00.000Z or earlier: access to decisions_v1 lasts at most P90D',
    );
    expect(problemAt('2027-01-15', 'P7D')?.message).toBe(
      'must be 2026-12-05 or earlier: access to any data product lasts at most P7D',
    );
  });
});
