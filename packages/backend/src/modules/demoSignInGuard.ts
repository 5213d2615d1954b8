/** Where the demo provider may run: a developer's machine and the tests. */
const DEMO_NODE_ENVS = ['development', 'test'];

/**
 * Why the demo sign-in provider must not run here, or undefined when it may.
 * Anyone can sign in as anyone with it, so it is refused unless the process
 * is plainly a development or test one, whatever the provider's config says.
 */
export function demoSignInRefusal(options: {
  /** The root `auth.environment` (not the provider's own config block). */
  authEnvironment?: string;
  /** `process.env.NODE_ENV`. */
  nodeEnv?: string;
}): string | undefined {
  if (options.authEnvironment === 'production') {
    return 'auth.environment is production';
  }
  if (!DEMO_NODE_ENVS.includes(options.nodeEnv ?? '')) {
    return `NODE_ENV is ${options.nodeEnv ?? 'unset'}, not development or test`;
  }
  return undefined;
}
