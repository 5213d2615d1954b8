/**
 * Reads until `done` holds, and hands back the last reading: listeners hear
 * of a decision after it is answered. On timeout the caller's expectation
 * fails on what was last read, which says what was missing.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
