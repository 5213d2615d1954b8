import { InputError } from '@backstage/errors';
import { accessRequestIdSchema } from '@datamesh-governance/plugin-data-products-common';

/**
 * Where a page of a keyset-paginated list ended: the sort column's value
 * (epoch milliseconds) and the id that breaks ties.
 */
export type Cursor = { value: number; id: string };

// The widest epoch milliseconds a Date holds; well inside bigint, so a
// tampered value never reaches PostgreSQL as an out-of-range number.
const MAX_VALUE = 8.64e15;
// A cursor this API hands out is well under this; longer ones are not decoded.
const MAX_LENGTH = 500;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(
    JSON.stringify({ value: cursor.value, id: cursor.id }),
  ).toString('base64url');
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const { value: position, id, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    Number.isSafeInteger(position) &&
    Math.abs(position as number) <= MAX_VALUE &&
    typeof id === 'string' &&
    accessRequestIdSchema.safeParse(id).success
  );
}

/**
 * The cursor in a `cursor` query parameter, or undefined for none. Clients
 * may send anything here, so everything is checked before it reaches a
 * query: an InputError (400) for anything this API did not hand out.
 */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length <= MAX_LENGTH && BASE64URL.test(raw)) {
    try {
      const parsed: unknown = JSON.parse(
        Buffer.from(raw, 'base64url').toString('utf8'),
      );
      if (isCursor(parsed)) return { value: parsed.value, id: parsed.id };
    } catch {
      // Not JSON: refused below like any other tampered cursor.
    }
  }
  throw new InputError(
    'The cursor is not one this API handed out; start again from the first page',
  );
}
