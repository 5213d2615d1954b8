import { demoSignInRefusal } from './demoSignInGuard';

describe('demoSignInRefusal', () => {
  it.each(['development', 'test'])(
    'lets the demo provider run under NODE_ENV=%s',
    nodeEnv => {
      expect(demoSignInRefusal({ nodeEnv })).toBeUndefined();
      expect(
        demoSignInRefusal({ nodeEnv, authEnvironment: 'development' }),
      ).toBeUndefined();
    },
  );

  it('refuses when the root auth.environment is production', () => {
    expect(
      demoSignInRefusal({
        nodeEnv: 'development',
        authEnvironment: 'production',
      }),
    ).toBe('auth.environment is production');
  });

  it.each([
    ['production', 'NODE_ENV is production, not development or test'],
    ['staging', 'NODE_ENV is staging, not development or test'],
    [undefined, 'NODE_ENV is unset, not development or test'],
  ])('refuses under NODE_ENV=%s', (nodeEnv, reason) => {
    expect(demoSignInRefusal({ nodeEnv })).toBe(reason);
  });
});
