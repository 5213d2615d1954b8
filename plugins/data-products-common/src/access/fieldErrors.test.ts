import { createAccessRequestSchema } from './schemas';
import { describeIssues, fieldErrorsFrom } from './fieldErrors';

const fields = [
  'subjectRef',
  'purpose',
  'endsAt',
  'acceptTerms',
  'legalBasis',
] as const;

describe('describeIssues', () => {
  it('leads each issue with its field and names unknown keys', () => {
    const result = createAccessRequestSchema.safeParse({
      entityRef: 'dataproduct:default/benefit-decisions',
      outputPort: 'decisions_v1',
      purpose: 'short',
      endsAt: '2027-01-01',
      acceptTerms: true,
      requesterRef: 'user:default/olav',
    });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!.issues).sort()).toEqual([
      'purpose: say in a sentence what you will use the data for',
      'unknown field requesterRef',
    ]);
  });
});

describe('fieldErrorsFrom', () => {
  it('reads back the issues of a 400 from the schema', () => {
    expect(
      fieldErrorsFrom(
        'Invalid access request: purpose: say in a sentence what you will use the data for; endsAt: Invalid input; legalBasis.activityId: Too small',
        fields,
      ),
    ).toEqual({
      fields: {
        purpose: 'Say in a sentence what you will use the data for',
        endsAt: 'Invalid input',
        legalBasis: 'Too small',
      },
      form: [],
    });
  });

  it('reads single messages that start with the field', () => {
    expect(fieldErrorsFrom('endsAt must be in the future', fields)).toEqual({
      fields: { endsAt: 'Must be in the future' },
      form: [],
    });
    expect(
      fieldErrorsFrom(
        'legalBasis: The processing activity B311 Improving communication is IN_PROGRESS, not in force; pick a completed one',
        fields,
      ).fields.legalBasis,
    ).toBe(
      'The processing activity B311 Improving communication is IN_PROGRESS, not in force; pick a completed one',
    );
  });

  it('keeps a semicolon that is part of one message', () => {
    const { fields: byField } = fieldErrorsFrom(
      'legalBasis is required: the port decisions_v1 holds personal data; pick the processing activity you will use it under',
      fields,
    );
    expect(byField.legalBasis).toBe(
      'Is required: the port decisions_v1 holds personal data; pick the processing activity you will use it under',
    );
  });

  it('leaves what concerns no field to the form', () => {
    expect(
      fieldErrorsFrom(
        'Invalid access request: unknown fields requesterRef, status; purpose: too short',
        fields,
      ),
    ).toEqual({
      fields: { purpose: 'Too short' },
      form: ['unknown fields requesterRef, status'],
    });
    expect(
      fieldErrorsFrom(
        '"nope" is not an output port of dataproduct:default/x',
        fields,
      ),
    ).toEqual({
      fields: {},
      form: ['"nope" is not an output port of dataproduct:default/x'],
    });
  });

  it('does not take a word that merely starts like a field for the field', () => {
    expect(fieldErrorsFrom('purposeful nonsense', fields).form).toEqual([
      'purposeful nonsense',
    ]);
  });
});
