import { holdsPersonalData } from '../../entity/isDataProductEntity';
import type { OutputPort } from '../../entity/DataProductEntity';
import type { ProcessingActivity } from '../processingActivity';
import {
  activityLabel,
  activityProblem,
  activityValidUntil,
} from './activityValidity';
import type { RuleProblem } from './problem';

/** True when a request for the port must name the processing activity it is made under. @public */
export function needsLegalBasis(port: OutputPort): boolean {
  return port.access?.legalBasisRequired ?? holdsPersonalData(port);
}

/** True when the port holds GDPR Art. 9 special categories, which need an Art. 9(2) basis. @public */
export function holdsSpecialCategories(port: OutputPort): boolean {
  return Boolean(port.personalData?.specialCategories);
}

/**
 * What is wrong with the legal basis of a request for `port` that ends at
 * `endsAt`, or undefined when it holds: the port needs one and none is
 * given; the activity is not in force at `now`; it ends before access
 * would (checked once `endsAt` is known); or the port holds special
 * categories and it has no Art. 9(2) basis. Checked when a request is made
 * and again when it is approved.
 * @public
 */
export function legalBasisProblem(options: {
  port: OutputPort;
  activity?: ProcessingActivity;
  endsAt?: Date;
  now: Date;
}): RuleProblem<'legalBasis'> | undefined {
  const { port, activity, endsAt, now } = options;
  const problem = (message: string) => ({
    field: 'legalBasis' as const,
    message,
  });
  if (!activity) {
    return needsLegalBasis(port)
      ? problem(
          `is required: the port ${port.name} holds personal data; pick the processing activity you will use it under`,
        )
      : undefined;
  }
  const label = activityLabel(activity);
  const notInForce = activityProblem(activity, now);
  if (notInForce) {
    return problem(`cannot be ${label}: ${notInForce}`);
  }
  const until = activityValidUntil(activity);
  if (until && endsAt && until < endsAt) {
    return problem(
      `cannot be ${label}: it is valid until ${activity.validTo}, before the end date of the request`,
    );
  }
  if (holdsSpecialCategories(port) && !activity.art9Basis) {
    return problem(
      `cannot be ${label}: the port ${port.name} holds special categories of personal data (GDPR Art. 9), and ${activity.number} has no Art. 9(2) basis`,
    );
  }
  return undefined;
}
