/** The message a promise fails with, or "succeeded"; see the backend's twin for why not `rejects.toThrow`. */
export async function failureOf(
  promise: PromiseLike<unknown>,
): Promise<string> {
  try {
    await promise;
    return 'succeeded';
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}

/** The error a promise fails with; throws when it succeeds. */
export async function errorOf(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, but it succeeded');
}
