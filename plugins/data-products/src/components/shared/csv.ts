/** A CSV cell's value; numbers are written as numbers, absent values empty. */
export type CsvValue = string | number | null | undefined;

// A cell starting with one of these is read as a formula by spreadsheets
// (CSV injection); tab and carriage return are listed by OWASP too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text that a spreadsheet would run as a formula gets a leading
 * `'`, and text with a comma, quote or line break is quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (RFC 4180 line ends) of a header and rows. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves CSV text as a file. */
export function saveCsv(csv: string, fileName: string) {
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
