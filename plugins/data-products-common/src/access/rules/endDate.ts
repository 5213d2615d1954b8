import type { OutputPort } from '../../entity/DataProductEntity';
import { latestEndDate } from '../duration';
import type { ProcessingActivity } from '../processingActivity';
import { activityValidUntil } from './activityValidity';
import type { RuleProblem } from './problem';

/** The latest end of access, and what sets it. @public */
export type EndDateLimit = { latest: Date; reason: string };

/**
 * The latest end of access to `port` asked for at `now`: the port's
 * `maxDuration`, the configured `ceiling` and, when given, the end of the
 * processing activity's validity, whichever comes first. Undefined when
 * none of them limits it.
 * @public
 */
export function endDateLimit(options: {
  port: OutputPort;
  now: Date;
  ceiling?: string;
  activity?: ProcessingActivity;
}): EndDateLimit | undefined {
  const { port, now, ceiling, activity } = options;
  const limits: EndDateLimit[] = [];
  const maxDuration = port.access?.maxDuration;
  if (maxDuration) {
    limits.push({
      latest: latestEndDate({ from: now, maxDuration })!,
      reason: `access to ${port.name} lasts at most ${maxDuration}`,
    });
  }
  if (ceiling) {
    limits.push({
      latest: latestEndDate({ from: now, maxDuration: ceiling })!,
      reason: `access to any data product lasts at most ${ceiling}`,
    });
  }
  const until = activity && activityValidUntil(activity);
  if (activity && until) {
    limits.push({
      latest: until,
      reason: `${activity.number} is valid until ${activity.validTo}`,
    });
  }
  return limits.reduce<EndDateLimit | undefined>(
    (first, limit) => (first && first.latest <= limit.latest ? first : limit),
    undefined,
  );
}

/**
 * What is wrong with the end of access asked for, or undefined: it must
 * lie in the future and within the port's `maxDuration` and the configured
 * `ceiling`. (The processing activity's own end is a legal-basis problem.)
 * @public
 */
export function endDateProblem(options: {
  endsAt: Date;
  port: OutputPort;
  now: Date;
  ceiling?: string;
}): RuleProblem<'endsAt'> | undefined {
  const { endsAt, now } = options;
  if (endsAt <= now) {
    return { field: 'endsAt', message: 'must be in the future' };
  }
  const limit = endDateLimit(options);
  if (limit && endsAt > limit.latest) {
    return {
      field: 'endsAt',
      message: `must be ${latestText(limit.latest, endsAt)} or earlier: ${
        limit.reason
      }`,
    };
  }
  return undefined;
}

/** The day of the limit, or the instant when the end asked for falls on that day. */
function latestText(latest: Date, endsAt: Date): string {
  const day = (instant: Date) => instant.toISOString().slice(0, 10);
  return day(latest) === day(endsAt) ? latest.toISOString() : day(latest);
}
