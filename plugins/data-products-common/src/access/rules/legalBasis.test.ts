import { makeDataProduct } from '../../__fixtures__/dataProducts';
import type { OutputPort } from '../../entity/DataProductEntity';
import { makeActivity } from '../__fixtures__/activities';
import {
  holdsSpecialCategories,
  legalBasisProblem,
  needsLegalBasis,
} from './legalBasis';

const now = new Date('2026-11-28T12:00:00Z');
const endsAt = new Date('2027-01-15T00:00:00Z');
const [personal, open] = makeDataProduct().spec.outputPorts;
const special: OutputPort = {
  ...personal,
  name: 'cases_v1',
  personalData: { specialCategories: true },
};

function problemOf(
  port: OutputPort,
  change: Parameters<typeof makeActivity>[0] | null,
  at = endsAt,
) {
  return legalBasisProblem({
    port,
    activity: change === null ? undefined : makeActivity(change),
    endsAt: at,
    now,
  })?.message;
}

describe('needsLegalBasis and holdsSpecialCategories', () => {
  it('follow the port: personal data needs a basis unless the port says otherwise', () => {
    expect(needsLegalBasis(personal)).toBe(true);
    expect(needsLegalBasis(open)).toBe(false);
    expect(
      needsLegalBasis({
        ...personal,
        access: { approval: 'required', legalBasisRequired: false },
      }),
    ).toBe(false);
    expect(
      needsLegalBasis({
        ...open,
        access: { approval: 'auto', legalBasisRequired: true },
      }),
    ).toBe(true);
    expect(holdsSpecialCategories(special)).toBe(true);
    expect(holdsSpecialCategories(personal)).toBe(false);
  });
});

describe('legalBasisProblem', () => {
  it('accepts an activity in force for the whole time of access', () => {
    expect(problemOf(personal, {})).toBeUndefined();
    expect(problemOf(open, null)).toBeUndefined();
  });

  it('asks for an activity on a personal port only', () => {
    expect(legalBasisProblem({ port: personal, endsAt, now })).toEqual({
      field: 'legalBasis',
      message:
        'is required: the port decisions_v1 holds personal data; pick the processing activity you will use it under',
    });
  });

  it('refuses an activity not in force now', () => {
    expect(problemOf(personal, { status: 'IN_PROGRESS' })).toBe(
      'cannot be B123 Follow-up of young unemployed people: it is IN_PROGRESS, not in force',
    );
    expect(problemOf(personal, { validFrom: '2026-12-01' })).toMatch(
      /: it is valid only from 2026-12-01$/,
    );
    expect(problemOf(personal, { validTo: '2026-11-27' })).toMatch(
      /: it was valid only until 2026-11-27$/,
    );
  });

  it('checks an activity named on any port, personal or not', () => {
    expect(problemOf(open, { status: 'IN_PROGRESS' })).toMatch(/not in force/);
  });

  it('refuses an activity that ends before access would, its last day counted whole', () => {
    expect(problemOf(personal, { validTo: '2027-01-14' })).toBe(
      'cannot be B123 Follow-up of young unemployed people: it is valid until 2027-01-14, before the end date of the request',
    );
    expect(problemOf(personal, { validTo: '2027-01-15' })).toBeUndefined();
    expect(
      problemOf(
        personal,
        { validTo: '2027-01-15' },
        new Date('2027-01-15T23:59:59.999Z'),
      ),
    ).toBeUndefined();
    expect(
      problemOf(
        personal,
        { validTo: '2027-01-15' },
        new Date('2027-01-16T00:00:00Z'),
      ),
    ).toMatch(/valid until 2027-01-15, before the end date/);
  });

  it('needs an Art. 9(2) basis on a special-category port', () => {
    expect(problemOf(special, {})).toBe(
      'cannot be B123 Follow-up of young unemployed people: the port cases_v1 holds special categories of personal data (GDPR Art. 9), and B123 has no Art. 9(2) basis',
    );
    expect(problemOf(special, { art9Basis: 'ART92H' })).toBeUndefined();
    expect(problemOf(personal, {})).toBeUndefined();
  });
});

describe('legalBasisProblem before an end date is picked', () => {
  it('checks all but the end of validity', () => {
    expect(
      legalBasisProblem({
        port: personal,
        activity: makeActivity({ validTo: '2026-12-01' }),
        now,
      }),
    ).toBeUndefined();
    expect(
      legalBasisProblem({
        port: special,
        activity: makeActivity({ status: 'DRAFT' }),
        now,
      })?.message,
    ).toMatch(/it is DRAFT, not in force$/);
    expect(legalBasisProblem({ port: personal, now })?.message).toMatch(
      /^is required/,
    );
  });
});
