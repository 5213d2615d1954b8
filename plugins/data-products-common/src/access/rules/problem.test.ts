import { describeProblem, problemHint } from './problem';

describe('describeProblem and problemHint', () => {
  const problem = { field: 'endsAt', message: 'must be in the future' };

  it('lead the backend message with the field, and the hint with a capital', () => {
    expect(describeProblem(problem)).toBe('endsAt must be in the future');
    expect(problemHint(problem)).toBe('Must be in the future');
  });
});
