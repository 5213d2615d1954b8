import { DateTime } from 'luxon';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "5.5 h", "3.2 d"; "—" when nothing was measured. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  if (seconds < 2 * DAY) return `${round1(seconds / HOUR)} h`;
  return `${round1(seconds / DAY)} d`;
}

/** "25 %"; "—" when no owner decided anything. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${Math.round(share * 100)} %`;
}

/** How long the oldest open request has waited: "12 days"; "—" with none open. */
export function formatOldestAge(
  createdAt: string | null | undefined,
  now: Date = new Date(),
): string {
  if (!createdAt) return '—';
  return formatSeconds((now.getTime() - Date.parse(createdAt)) / 1000);
}

/** "Mar 2026" for the month key "2026-03". */
export function monthLabel(key: string): string {
  const month = DateTime.fromFormat(key, 'yyyy-MM', { zone: 'utc' });
  return month.isValid ? month.toFormat('LLL yyyy') : key;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Hours or days, whichever reads better for the largest value. */
export function durationUnit(maxSeconds: number): {
  label: 'hours' | 'days';
  seconds: number;
} {
  return maxSeconds > 3 * DAY
    ? { label: 'days', seconds: DAY }
    : { label: 'hours', seconds: HOUR };
}

/** A duration in `unit`, rounded to one decimal; null stays null (a gap). */
export function inUnit(
  seconds: number | null,
  unit: { seconds: number },
): number | null {
  return seconds === null ? null : round1(seconds / unit.seconds);
}
