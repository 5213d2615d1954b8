// Tab, line feed and carriage return are fine in free text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether text is free of control characters other than tab and line
 * breaks: PostgreSQL cannot store NUL, and the others are never meant.
 */
export function hasNoControlCharacters(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text);
}

/** Whether text is valid Unicode: a lone surrogate would be stored as U+FFFD. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
