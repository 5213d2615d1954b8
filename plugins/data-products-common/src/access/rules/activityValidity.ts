import type { ProcessingActivity } from '../processingActivity';

/**
 * The last instant a processing activity is valid. `validTo` is a date and
 * the activity covers that whole day (UTC); undefined when it has no end.
 * @public
 */
export function activityValidUntil(
  activity: Pick<ProcessingActivity, 'validTo'>,
): Date | undefined {
  return activity.validTo
    ? new Date(`${activity.validTo}T23:59:59.999Z`)
    : undefined;
}

/**
 * Why a processing activity cannot be a legal basis at `now` ("it is
 * IN_PROGRESS, not in force"), or undefined when it can: it must be
 * completed, have started and not have ended.
 * @public
 */
export function activityProblem(
  activity: ProcessingActivity,
  now: Date,
): string | undefined {
  if (activity.status !== 'COMPLETED') {
    return `it is ${activity.status}, not in force`;
  }
  if (activity.validFrom && new Date(activity.validFrom) > now) {
    return `it is valid only from ${activity.validFrom}`;
  }
  const until = activityValidUntil(activity);
  if (until && until < now) {
    return `it was valid only until ${activity.validTo}`;
  }
  return undefined;
}

/** "B123 Follow-up of young unemployed people": how people name an activity. @public */
export function activityLabel(activity: ProcessingActivity): string {
  return [activity.number, activity.name].filter(Boolean).join(' ');
}
