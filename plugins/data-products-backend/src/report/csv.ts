/**
 * One CSV cell: quoted, quotes doubled, and text a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return) made
 * plain text with a leading apostrophe (OWASP's CSV injection advice).
 */
export function csvCell(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  const plain = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${plain.replace(/"/g, '""')}"`;
}

/** One CSV line, CRLF-terminated as RFC 4180 has it. */
export function csvLine(values: Array<string | number | undefined | null>) {
  return `${values.map(csvCell).join(',')}\r\n`;
}
