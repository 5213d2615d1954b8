import { makeActivity } from '../__fixtures__/activities';
import {
  activityLabel,
  activityProblem,
  activityValidUntil,
} from './activityValidity';

describe('activityValidUntil', () => {
  it('covers the whole of the validTo day, in UTC', () => {
    expect(activityValidUntil(makeActivity())).toEqual(
      new Date('2030-12-31T23:59:59.999Z'),
    );
    expect(activityValidUntil(makeActivity({ validTo: undefined }))).toBe(
      undefined,
    );
  });
});

describe('activityProblem', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('accepts a completed activity in its validity', () => {
    expect(activityProblem(makeActivity(), now)).toBeUndefined();
    expect(
      activityProblem(
        makeActivity({ validFrom: undefined, validTo: undefined }),
        now,
      ),
    ).toBeUndefined();
  });

  it('names why an activity cannot be used', () => {
    expect(activityProblem(makeActivity({ status: 'IN_PROGRESS' }), now)).toBe(
      'it is IN_PROGRESS, not in force',
    );
    expect(
      activityProblem(makeActivity({ validFrom: '2027-01-01' }), now),
    ).toBe('it is valid only from 2027-01-01');
    expect(activityProblem(makeActivity({ validTo: '2024-06-30' }), now)).toBe(
      'it was valid only until 2024-06-30',
    );
  });

  it('counts the first and the last day as valid, all day long', () => {
    const first = makeActivity({ validFrom: '2026-11-28' });
    expect(activityProblem(first, new Date('2026-11-28T00:00:00Z'))).toBe(
      undefined,
    );
    expect(activityProblem(first, new Date('2026-11-27T23:59:59Z'))).toMatch(
      /valid only from/,
    );
    const last = makeActivity({ validTo: '2026-11-28' });
    expect(activityProblem(last, new Date('2026-11-28T23:59:59Z'))).toBe(
      undefined,
    );
    expect(activityProblem(last, new Date('2026-11-29T00:00:00Z'))).toMatch(
      /valid only until 2026-11-28/,
    );
  });
});

describe('activityLabel', () => {
  it('is the number and the name, or the name alone', () => {
    expect(activityLabel(makeActivity())).toBe(
      'B123 Follow-up of young unemployed people',
    );
    expect(activityLabel(makeActivity({ number: '' }))).toBe(
      'Follow-up of young unemployed people',
    );
  });
});
