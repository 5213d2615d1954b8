/**
 * The message a promise fails with, or "succeeded". Used instead of
 * `rejects.toThrow` for database errors: under the full multi-project jest
 * run, better-sqlite3's errors come from another realm and `toThrow` does
 * not recognise them.
 */
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
