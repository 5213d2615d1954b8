import {
  AdrStatus,
  adrStatuses,
} from '@datamesh-governance/plugin-governance-common';

/**
 * Reads what a file says its status is: `Accepted`, `superseded by
 * [ADR-0005](0005-x.md)`, `Proposed (2026-01-03)`. The first word decides;
 * the words, with Markdown links flattened, are kept as `statusText` when
 * they say more than the status itself.
 */
export function normaliseStatus(raw: unknown): {
  status: AdrStatus;
  statusText?: string;
} {
  if (typeof raw !== 'string' || !raw.trim()) {
    return { status: 'unknown' };
  }
  const text = raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const firstWord = text.split(/[\s:,.;(]/)[0].toLocaleLowerCase('en-US');
  const status = (adrStatuses as readonly string[]).includes(firstWord)
    ? (firstWord as AdrStatus)
    : 'unknown';
  return text.toLocaleLowerCase('en-US') === status
    ? { status }
    : { status, statusText: text };
}
