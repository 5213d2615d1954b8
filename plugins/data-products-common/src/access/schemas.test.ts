import { describeIssues } from './fieldErrors';
import {
  accessRequestIdSchema,
  approveAccessRequestSchema,
  bulkDecisionSchema,
  cancelAccessRequestSchema,
  createAccessRequestSchema,
  idempotencyKeySchema,
  legalBasisPointerSchema,
  legalBasisSearchQuerySchema,
  listAccessRequestsQuerySchema,
  reasonRequiredSchema,
} from './schemas';

const problems = (schema: { safeParse(v: unknown): any }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues);
};

const body = {
  entityRef: 'dataproduct:default/benefit-decisions',
  outputPort: 'decisions_v1',
  purpose: 'Statistics on decisions for the yearly report',
  legalBasis: { registerId: 'demo', activityId: 'follow-up' },
  endsAt: '2027-01-01',
  acceptTerms: true,
};

describe('createAccessRequestSchema', () => {
  it('takes a well-formed body', () => {
    expect(problems(createAccessRequestSchema, body)).toEqual([]);
  });

  it.each([
    ['purpose', { purpose: 'Statistics\u0000 for the report' }, /NUL/],
    ['outputPort', { outputPort: 'decisions\u0000' }, /control characters/],
    ['entityRef', { entityRef: 'dataproduct:default/a\u0000' }, /entity ref/],
    ['subjectRef', { subjectRef: 'user:default/ada\u0000' }, /entity ref/],
    [
      'legalBasis.registerId',
      { legalBasis: { registerId: 'de\u0000mo', activityId: 'follow-up' } },
      /control characters/,
    ],
    [
      'legalBasis.activityId',
      { legalBasis: { registerId: 'demo', activityId: 'follow\u0000up' } },
      /control characters/,
    ],
  ])('refuses NUL in %s', (field, change, message) => {
    const [problem, ...rest] = problems(createAccessRequestSchema, {
      ...body,
      ...change,
    });
    expect(rest).toEqual([]);
    expect(problem.startsWith(`${field}: `)).toBe(true);
    expect(problem).toMatch(message);
  });

  it('caps the purpose at 2000 characters and stored names at 255', () => {
    expect(
      problems(createAccessRequestSchema, {
        ...body,
        purpose: 'p'.repeat(2001),
        outputPort: 'o'.repeat(256),
        entityRef: `dataproduct:default/${'n'.repeat(236)}`,
        subjectRef: `user:default/${'n'.repeat(243)}`,
        legalBasis: { registerId: 'r'.repeat(256), activityId: 'a' },
      }),
    ).toEqual([
      'entityRef: must be at most 255 characters',
      'outputPort: must be at most 255 characters',
      'subjectRef: must be at most 255 characters',
      'purpose: must be at most 2000 characters',
      'legalBasis.registerId: must be at most 255 characters',
    ]);
    expect(
      problems(createAccessRequestSchema, {
        ...body,
        purpose: 'p'.repeat(2000),
        outputPort: 'o'.repeat(255),
        entityRef: `dataproduct:default/${'n'.repeat(235)}`,
      }),
    ).toEqual([]);
  });
});

describe('decision bodies', () => {
  it.each([
    ['approve', approveAccessRequestSchema],
    ['reject and revoke', reasonRequiredSchema],
    ['cancel', cancelAccessRequestSchema],
  ])('%s: refuse NUL and reasons over 2000 characters', (_, schema) => {
    expect(problems(schema, { reason: 'no\u0000' })).toEqual([
      'reason: must not contain NUL characters (\\u0000)',
    ]);
    expect(problems(schema, { reason: 'r'.repeat(2001) })).toEqual([
      'reason: must be at most 2000 characters',
    ]);
    expect(problems(schema, { reason: 'r'.repeat(2000) })).toEqual([]);
  });

  it('bulk: refuses NUL in a reason, leaves ids to be checked per item', () => {
    expect(
      problems(bulkDecisionSchema, {
        decisions: [
          { id: 'not-an-id\u0000', action: 'approve' },
          { id: 'x', action: 'reject', reason: 'a\u0000' },
        ],
      }),
    ).toEqual([
      'decisions.1.reason: must not contain NUL characters (\\u0000)',
    ]);
  });
});

describe('accessRequestIdSchema', () => {
  it('takes what randomUUID makes, in either case', () => {
    expect(
      accessRequestIdSchema.safeParse('3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11')
        .success,
    ).toBe(true);
    expect(
      accessRequestIdSchema.safeParse('3F1C2A9E-6B7D-4C1E-9A55-1F7D2C0E8B11')
        .success,
    ).toBe(true);
  });

  it.each([
    '',
    'no-such-request',
    '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11\u0000',
    '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11x',
    `${'a'.repeat(300)}`,
  ])('refuses %j', id => {
    expect(problems(accessRequestIdSchema, id)).toEqual([
      'is not an access request id',
    ]);
  });
});

describe('idempotencyKeySchema', () => {
  it('takes a UUID and up to 255 printable characters', () => {
    expect(problems(idempotencyKeySchema, crypto.randomUUID())).toEqual([]);
    expect(problems(idempotencyKeySchema, 'k'.repeat(255))).toEqual([]);
  });

  it('refuses keys longer than the column and control characters', () => {
    expect(problems(idempotencyKeySchema, 'k'.repeat(256))).toEqual([
      'must be at most 255 characters',
    ]);
    for (const key of ['a\tb', 'a\u0000b', 'ä']) {
      expect(problems(idempotencyKeySchema, key)).toEqual([
        'must be printable ASCII, without control characters',
      ]);
    }
  });
});

describe('legal-basis lookups', () => {
  it('asks for q, and refuses NUL and long queries', () => {
    expect(problems(legalBasisSearchQuerySchema, {})).toEqual([
      'q: Give q: a number like B123 or words from the name',
    ]);
    expect(problems(legalBasisSearchQuerySchema, { q: '  ' })).toEqual([
      'q: Give q: a number like B123 or words from the name',
    ]);
    expect(problems(legalBasisSearchQuerySchema, { q: 'B1\u0000' })).toEqual([
      'q: must not contain NUL characters (\\u0000)',
    ]);
    expect(
      problems(legalBasisSearchQuerySchema, { q: 'q'.repeat(201) }),
    ).toEqual(['q: must be at most 200 characters']);
    expect(legalBasisSearchQuerySchema.parse({ q: ' B123 ' })).toEqual({
      q: 'B123',
    });
  });

  it('refuses control characters in a register or activity id', () => {
    expect(
      problems(legalBasisPointerSchema, {
        registerId: 'demo',
        activityId: 'a\u0000',
      }),
    ).toEqual([
      'activityId: must not contain control characters such as NUL, tab or line breaks',
    ]);
  });
});

describe('listAccessRequestsQuerySchema', () => {
  it('refuses NUL in entityRef and over-long cursors', () => {
    expect(
      problems(listAccessRequestsQuerySchema, { entityRef: 'a:b\u0000' }),
    ).toEqual(['entityRef: must be an entity ref like kind:namespace/name']);
    expect(
      problems(listAccessRequestsQuerySchema, { cursor: 'c'.repeat(501) }),
    ).toEqual(['cursor: is not one this API handed out']);
  });
});
