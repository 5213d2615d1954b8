import { createAccessRequestSchema } from './schemas';
import {
  describeIssues,
  fieldErrorsFrom,
  fieldErrorsFromMessage,
  issuesFromZod,
  issuesOf,
} from './fieldErrors';

const fields = [
  'subjectRef',
  'purpose',
  'endsAt',
  'acceptTerms',
  'legalBasis',
] as const;

const badBody = {
  entityRef: 'dataproduct:default/benefit-decisions',
  outputPort: 'decisions_v1',
  purpose: 'short',
  legalBasis: { registerId: 'demo', activityId: '' },
  endsAt: '2027-01-01',
  acceptTerms: true,
  requesterRef: 'user:default/olav',
};

function zodIssues(body: unknown) {
  const result = createAccessRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be refused');
  return result.error.issues;
}

describe('describeIssues', () => {
  it('leads each issue with its field and names unknown keys', () => {
    expect(describeIssues(zodIssues(badBody)).sort()).toEqual([
      'legalBasis.activityId: must not be empty',
      'purpose: say in a sentence what you will use the data for',
      'unknown field requesterRef',
    ]);
  });
});

describe('issuesFromZod', () => {
  it('points into the part of the request, one issue per unknown field', () => {
    expect(issuesFromZod(zodIssues(badBody), 'body')).toEqual(
      expect.arrayContaining([
        {
          path: '/body/purpose',
          message: 'say in a sentence what you will use the data for',
        },
        { path: '/body/legalBasis/activityId', message: 'must not be empty' },
        { path: '/body/requesterRef', message: 'unknown field' },
      ]),
    );
  });

  it('puts a parsed value where it sits, and escapes pointer segments', () => {
    const [issue] = issuesFromZod(
      [{ code: 'custom', path: [], message: 'is wrong', input: '' }],
      'headers',
      ['Idempotency-Key'],
    );
    expect(issue.path).toBe('/headers/Idempotency-Key');
    const [escaped] = issuesFromZod(
      [{ code: 'custom', path: ['a/b', 'c~d'], message: 'x', input: '' }],
      'query',
    );
    expect(escaped.path).toBe('/query/a~1b/c~0d');
  });
});

describe('issuesOf', () => {
  it('reads the issues of an error body and ignores what is not one', () => {
    const issue = { path: '/body/purpose', message: 'too short' };
    expect(issuesOf({ error: { issues: [issue, { path: 1 }, 'x'] } })).toEqual([
      issue,
    ]);
    expect(issuesOf({ error: { message: 'no issues' } })).toEqual([]);
    expect(issuesOf(undefined)).toEqual([]);
    expect(issuesOf('<html>')).toEqual([]);
  });
});

describe('fieldErrorsFrom', () => {
  it('puts each issue next to the form field its path starts with', () => {
    expect(
      fieldErrorsFrom(
        [
          { path: '/body/purpose', message: 'say in a sentence' },
          { path: '/body/legalBasis/activityId', message: 'must not be empty' },
          { path: '/body/endsAt', message: 'must be in the future' },
          { path: '/body/endsAt', message: 'must be a date' },
        ],
        fields,
      ),
    ).toEqual({
      fields: {
        purpose: 'Say in a sentence',
        legalBasis: 'Must not be empty',
        endsAt: 'Must be in the future; Must be a date',
      },
      form: [],
    });
  });

  it('keeps semicolons and colons of a message as they are', () => {
    expect(
      fieldErrorsFrom(
        [
          {
            path: '/body/legalBasis',
            message:
              'is required: the port holds personal data; pick an activity',
          },
        ],
        fields,
      ).fields.legalBasis,
    ).toBe('Is required: the port holds personal data; pick an activity');
  });

  it('leaves other fields and other parts of the request to the form', () => {
    expect(
      fieldErrorsFrom(
        [
          { path: '/body/requesterRef', message: 'unknown field' },
          { path: '/headers/Idempotency-Key', message: 'must be ASCII' },
          { path: '/body', message: 'must be an object' },
          { path: '/query/purpose', message: 'not a body field' },
        ],
        fields,
      ),
    ).toEqual({
      fields: {},
      form: [
        'requesterRef: unknown field',
        'Idempotency-Key: must be ASCII',
        'must be an object',
        'purpose: not a body field',
      ],
    });
  });
});

describe('fieldErrorsFromMessage', () => {
  it('puts a message that starts with a field next to it', () => {
    expect(
      fieldErrorsFromMessage('endsAt must be in the future', fields),
    ).toEqual({ fields: { endsAt: 'Must be in the future' }, form: [] });
    expect(
      fieldErrorsFromMessage(
        'legalBasis: B311 is IN_PROGRESS; pick another',
        fields,
      ).fields.legalBasis,
    ).toBe('B311 is IN_PROGRESS; pick another');
  });

  it('leaves anything else, and words that merely start like a field, to the form', () => {
    expect(
      fieldErrorsFromMessage('"nope" is not an output port', fields).form,
    ).toEqual(['"nope" is not an output port']);
    expect(fieldErrorsFromMessage('purposeful nonsense', fields).form).toEqual([
      'purposeful nonsense',
    ]);
  });
});
