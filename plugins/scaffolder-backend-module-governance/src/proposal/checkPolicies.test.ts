import { registeredChecks } from '../__testUtils__/proposals';
import { checkPolicies } from './checkPolicies';

describe('checkPolicies', () => {
  it('passes registered checks with parameters they declare and values they take', () => {
    expect(() =>
      checkPolicies(
        [
          { id: 'personal-data-max-duration', params: { maxDuration: 'P1Y' } },
          { id: 'output-ports-classified' },
        ],
        registeredChecks,
      ),
    ).not.toThrow();
  });

  it('names an unknown policy and the ones there are', () => {
    expect(() =>
      checkPolicies([{ id: 'no-such-check' }], registeredChecks),
    ).toThrow(
      /policies\/0\/id: no policy check "no-such-check" is registered; pick one of personal-data-max-duration, output-ports-classified/,
    );
  });

  it('refuses a policy proposed twice', () => {
    expect(() =>
      checkPolicies(
        [{ id: 'output-ports-classified' }, { id: 'output-ports-classified' }],
        registeredChecks,
      ),
    ).toThrow(/policies\/1\/id: "output-ports-classified" is proposed twice/);
  });

  it('refuses a value the parameter does not take, and parameters a check does not declare', () => {
    expect(() =>
      checkPolicies(
        [
          {
            id: 'personal-data-max-duration',
            params: { maxDuration: '90 days' },
          },
        ],
        registeredChecks,
      ),
    ).toThrow(
      /policies\/0\/params\/maxDuration: "90 days" is not a valid longest grant/,
    );
    expect(() =>
      checkPolicies(
        [{ id: 'personal-data-max-duration', params: { strict: 'yes' } }],
        registeredChecks,
      ),
    ).toThrow(
      /params\/strict: "personal-data-max-duration" takes maxDuration, not strict/,
    );
    expect(() =>
      checkPolicies(
        [{ id: 'output-ports-classified', params: { level: 'x' } }],
        registeredChecks,
      ),
    ).toThrow(/"output-ports-classified" takes no parameters/);
  });
});
