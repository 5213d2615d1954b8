import { DateTime } from 'luxon';

/** "12 Mar 2025" in the reader's locale. */
export function formatDate(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATE_MED);
}

/** "3 days ago": how long a request has waited. */
export function formatAge(iso: string, now: Date = new Date()): string {
  return (
    DateTime.fromISO(iso).toRelative({ base: DateTime.fromJSDate(now) }) ?? ''
  );
}

/** Whole days from now until `iso` (negative once past). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return Math.floor(
    DateTime.fromISO(iso).diff(DateTime.fromJSDate(now), 'days').days,
  );
}

/** The UTC calendar date (yyyy-mm-dd) of an instant, as a date field shows it. */
export function utcDate(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return date.toISOString().slice(0, 10);
}
