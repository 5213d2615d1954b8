import { ResponseError } from '@backstage/errors';
import type { OutputPort } from '@datamesh-governance/plugin-data-products-common';
import {
  defaultEndDate,
  errorsFromResponse,
  RequestFormValues,
  validateRequestForm,
} from './requestForm';
import {
  b099,
  b123,
  b230,
  b311,
  benefitDecisions,
  sickLeaveCases,
} from './testData';

const now = new Date('2026-11-28T12:00:00Z');
const [decisions, counts] = benefitDecisions.spec.outputPorts;
const [cases] = sickLeaveCases.spec.outputPorts;
const entityRef = 'dataproduct:default/benefit-decisions';

const valid: RequestFormValues = {
  subjectRef: 'user:default/ada.analyst',
  purpose: 'Follow-up statistics for young job seekers',
  endsAt: '2027-01-15',
  acceptTerms: true,
  legalBasis: b123,
};

function check(port: OutputPort, change: Partial<RequestFormValues>) {
  return validateRequestForm({
    entityRef,
    port,
    values: { ...valid, ...change },
    now,
  });
}

function fieldsOf(result: ReturnType<typeof check>) {
  return result.ok ? {} : result.errors.fields;
}

describe('defaultEndDate', () => {
  it('proposes 90 days, not the longest access a port allows (data minimisation)', () => {
    // decision_counts_v1 allows a year.
    expect(counts.access?.maxDuration).toBe('P365D');
    expect(defaultEndDate(counts, now)).toBe('2027-02-26');
    expect(defaultEndDate({ ...counts, access: undefined }, now)).toBe(
      '2027-02-26',
    );
  });

  it("proposes the port's maximum when it is shorter than 90 days", () => {
    expect(cases.access?.maxDuration).toBe('P30D');
    expect(defaultEndDate(cases, now)).toBe('2026-12-28');
    expect(defaultEndDate(decisions, now)).toBe('2027-02-26');
  });
});

describe('validateRequestForm', () => {
  it('accepts a complete form and builds the request body', () => {
    expect(check(decisions, {})).toEqual({
      ok: true,
      body: {
        entityRef,
        outputPort: 'decisions_v1',
        subjectRef: 'user:default/ada.analyst',
        purpose: 'Follow-up statistics for young job seekers',
        endsAt: '2027-01-15',
        acceptTerms: true,
        legalBasis: { registerId: 'demo', activityId: b123.id },
      },
    });
  });

  it('uses the shared schema for the purpose and the terms', () => {
    expect(
      fieldsOf(check(decisions, { purpose: 'stats', acceptTerms: false })),
    ).toEqual({
      purpose: 'Say in a sentence what you will use the data for',
      acceptTerms: 'The terms of use of the port must be accepted',
    });
  });

  it('keeps the end date within the port and the activity, as the backend does', () => {
    expect(fieldsOf(check(decisions, { endsAt: '2027-03-01' })).endsAt).toBe(
      'Must be 2027-02-26 or earlier: access to decisions_v1 lasts at most P90D',
    );
    expect(check(decisions, { endsAt: '2027-02-26' }).ok).toBe(true);
    expect(
      fieldsOf(
        check(decisions, {
          legalBasis: { ...b123, validTo: '2026-12-31' },
        }),
      ),
    ).toEqual({
      legalBasis: `Cannot be B123 ${b123.name}: it is valid until 2026-12-31, before the end date of the request`,
    });
    expect(
      check(decisions, {
        endsAt: '2026-12-31',
        legalBasis: { ...b123, validTo: '2026-12-31' },
      }).ok,
    ).toBe(true);
    expect(fieldsOf(check(decisions, { endsAt: '2026-11-28' })).endsAt).toBe(
      'Must be in the future',
    );
    expect(fieldsOf(check(decisions, { endsAt: '' })).endsAt).toBe(
      'Pick the date access should end',
    );
  });

  it('asks for a processing activity in force on a personal port only', () => {
    expect(
      fieldsOf(check(decisions, { legalBasis: undefined })).legalBasis,
    ).toMatch(
      /^Is required: .* holds personal data; pick the processing activity/,
    );
    expect(fieldsOf(check(decisions, { legalBasis: b311 })).legalBasis).toBe(
      `Cannot be B311 ${b311.name}: it is IN_PROGRESS, not in force`,
    );
    expect(fieldsOf(check(decisions, { legalBasis: b099 })).legalBasis).toBe(
      `Cannot be B099 ${b099.name}: it was valid only until 2024-06-30`,
    );
    const publicPort = check(counts, { legalBasis: undefined });
    expect(publicPort.ok).toBe(true);
    // A basis picked before does not travel to a port that needs none.
    const withBasis = check(counts, {});
    expect(withBasis.ok && withBasis.body.legalBasis).toBe(undefined);
  });

  it('needs an Art. 9(2) basis on a special-category port', () => {
    expect(fieldsOf(check(cases, { endsAt: '2026-12-20' })).legalBasis).toBe(
      `Cannot be B123 ${b123.name}: the port cases_v1 holds special categories of personal data (GDPR Art. 9), and B123 has no Art. 9(2) basis`,
    );
    expect(check(cases, { endsAt: '2026-12-20', legalBasis: b230 }).ok).toBe(
      true,
    );
  });
});

describe('errorsFromResponse', () => {
  async function responseError(
    status: number,
    message: string,
    issues?: { path: string; message: string }[],
  ) {
    return ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message, issues },
          request: { method: 'POST', url: '/requests' },
          response: { statusCode: status },
        }),
        { status, headers: { 'Content-Type': 'application/json' } },
      ),
    );
  }

  it('puts each issue of a 400 next to its field, whatever the message says', async () => {
    expect(
      errorsFromResponse(
        await responseError(400, 'Invalid access request: two problems', [
          {
            path: '/body/purpose',
            message: 'say in a sentence what you will use the data for',
          },
          { path: '/body/legalBasis/activityId', message: 'must not be empty' },
          { path: '/body/requesterRef', message: 'unknown field' },
        ]),
      ),
    ).toEqual({
      fields: {
        purpose: 'Say in a sentence what you will use the data for',
        legalBasis: 'Must not be empty',
      },
      form: ['requesterRef: unknown field'],
    });
  });

  it('puts a 400 without issues next to the field its message starts with', async () => {
    expect(
      errorsFromResponse(
        await responseError(400, 'endsAt must be in the future'),
      ),
    ).toEqual({ fields: { endsAt: 'Must be in the future' }, form: [] });
  });

  it('tells what to do about a conflict, with the names the person knows', async () => {
    const conflict = await responseError(
      409,
      'You already have an open request for decisions_v1 of dataproduct:default/benefit-decisions for group:default/team-x (0b5e0f6e-1c8e-4c1a-9d7a-2f7d1c9e4b11, pending); cancel it or wait for its decision',
    );
    const { fields, form } = errorsFromResponse(conflict, {
      productTitle: 'Benefit decisions',
      port: 'decisions_v1',
      subjectLabel: 'Group team-x',
    });
    expect(fields).toEqual({});
    expect(form).toEqual([
      'You already have an open request for decisions_v1 of Benefit decisions for group team-x: cancel it or wait for the owners\' decision. You find it under "Your access to this product" above.',
    ]);
    expect(
      errorsFromResponse(conflict, {
        productTitle: 'Benefit decisions',
        port: 'decisions_v1',
        subjectLabel: 'Me (ada.analyst)',
      }).form[0],
    ).toMatch(
      /^You already have an open request for decisions_v1 of Benefit decisions for you:/,
    );
  });

  it('shows other failures as they are', async () => {
    expect(
      errorsFromResponse(await responseError(500, 'Database down')),
    ).toEqual({
      fields: {},
      form: ['Database down'],
    });
    expect(errorsFromResponse(new Error('Failed to fetch')).form).toEqual([
      'Failed to fetch',
    ]);
  });
});
