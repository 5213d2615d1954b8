import { DateTime, Duration } from 'luxon';

/**
 * The latest end date a port allows for access granted at `from`: the port's
 * `maxDuration` and the configured ceiling, whichever is shorter.
 * @public
 */
export function latestEndDate(options: {
  from: Date;
  maxDuration?: string;
  ceiling?: string;
}): Date | undefined {
  const ends = [options.maxDuration, options.ceiling]
    .filter((d): d is string => Boolean(d))
    .map(iso => {
      const duration = Duration.fromISO(iso);
      if (!duration.isValid) {
        throw new TypeError(`"${iso}" is not an ISO 8601 duration`);
      }
      return DateTime.fromJSDate(options.from, { zone: 'utc' })
        .plus(duration)
        .toJSDate();
    });
  if (ends.length === 0) {
    return undefined;
  }
  return new Date(Math.min(...ends.map(d => d.getTime())));
}
