import { DateTime, Duration } from 'luxon';

/** The UTC calendar date (yyyy-mm-dd) of an instant, as a date field holds it. */
export function utcDate(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** "12 Mar 2027" in the reader's locale. */
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

/** "90 days" for P90D; the ISO text itself when luxon cannot read it. */
export function humanDuration(iso: string): string {
  const duration = Duration.fromISO(iso);
  return duration.isValid ? duration.toHuman() : iso;
}
