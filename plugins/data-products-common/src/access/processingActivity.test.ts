import { describeIssues } from './fieldErrors';
import { processingActivitySchema } from './processingActivity';

const activity = {
  registerId: 'demo',
  id: 'follow-up',
  number: 'B123',
  name: 'Follow-up of young unemployed people',
  status: 'COMPLETED',
  validFrom: '2021-01-01',
  validTo: '2030-12-31',
};

const problems = (value: unknown) => {
  const result = processingActivitySchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues);
};

describe('processingActivitySchema', () => {
  it('takes an activity, with no purposes when none are listed', () => {
    expect(processingActivitySchema.parse(activity)).toEqual({
      ...activity,
      purposes: [],
    });
  });

  it('names the fields an activity lacks', () => {
    expect(problems({ registerId: 'demo', id: '', number: 'B1' })).toEqual([
      'id: Too small: expected string to have >=1 characters',
      'name: Invalid input: expected string, received undefined',
      'status: Invalid input: expected string, received undefined',
    ]);
  });

  it('takes validity bounds only as dates, since the last day counts whole', () => {
    expect(problems({ ...activity, validTo: '2030-12-31T00:00:00Z' })).toEqual([
      'validTo: must be a date like 2030-12-31',
    ]);
    expect(problems({ ...activity, validFrom: '1 Jan 2021' })).toEqual([
      'validFrom: must be a date like 2030-12-31',
    ]);
  });
});
