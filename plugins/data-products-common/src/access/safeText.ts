import { z } from 'zod';

/**
 * Longest value of a column the backend stores as a string: varchar(255) on
 * PostgreSQL. Refs, port names, register and activity ids, request ids.
 * @public
 */
export const MAX_NAME_LENGTH = 255;

/**
 * Longest purpose, reason or comment: a paragraph or two, far below the
 * request body limit, and short enough for an owner to read in a queue.
 * @public
 */
export const MAX_FREE_TEXT_LENGTH = 2000;

/** C0 control characters (NUL, tab, line breaks, escape…) and DEL. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * True when `value` has no NUL character, which no database column here can
 * hold.
 * @public
 */
export function noNul(value: string): boolean {
  // PostgreSQL cannot store U+0000 in text and fails the whole statement;
  // refusing it everywhere keeps SQLite and PostgreSQL answering alike.
  return !value.includes('\u0000');
}

/**
 * Free text people write (purpose, reasons, comments): trimmed, at most
 * `max` characters, no NUL. Line breaks and tabs are fine.
 * @public
 */
export function safeText(max: number = MAX_FREE_TEXT_LENGTH) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, 'must not contain NUL characters (\\u0000)');
}

/**
 * A name or id the backend stores in a string column (port names, register
 * and activity ids): one line, 1 to `max` characters, no control characters.
 * @public
 */
export function safeName(max: number = MAX_NAME_LENGTH) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      value => !hasControlCharacter(value),
      'must not contain control characters such as NUL, tab or line breaks',
    );
}
