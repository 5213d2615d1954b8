import { InputError } from '@backstage/errors';

/** Where a page of problems ended: the last row's position in the list's order. */
export type ProblemCursor = { support: number; createdAt: number; id: string };

// The widest epoch milliseconds a Date holds; a tampered value never reaches
// PostgreSQL as an out-of-range bigint.
const MAX_TIME = 8.64e15;
const MAX_SUPPORT = 2 ** 31 - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeProblemCursor(cursor: ProblemCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.support, cursor.createdAt, cursor.id]),
  ).toString('base64url');
}

function isPosition(value: unknown): value is [number, number, string] {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [support, createdAt, id] = value;
  return (
    Number.isSafeInteger(support) &&
    support >= 0 &&
    support <= MAX_SUPPORT &&
    Number.isSafeInteger(createdAt) &&
    Math.abs(createdAt) <= MAX_TIME &&
    typeof id === 'string' &&
    UUID.test(id)
  );
}

/**
 * The cursor of a `cursor` query parameter, or undefined for none. Anything
 * this API did not hand out is a 400 before it reaches a query.
 */
export function decodeProblemCursor(
  raw: string | undefined,
): ProblemCursor | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length <= 500 && /^[A-Za-z0-9_-]+$/.test(raw)) {
    try {
      const parsed: unknown = JSON.parse(
        Buffer.from(raw, 'base64url').toString('utf8'),
      );
      if (isPosition(parsed)) {
        const [support, createdAt, id] = parsed;
        return { support, createdAt, id };
      }
    } catch {
      // Not JSON: refused below like any other tampered cursor.
    }
  }
  throw new InputError(
    'The cursor is not one this API handed out; start again from the first page',
  );
}
