import { ResponseError } from '@backstage/errors';
import {
  createAccessRequestSchema,
  CreateAccessRequest,
  describeIssues,
  FieldErrors,
  fieldErrorsFrom,
  holdsPersonalData,
  latestEndDate,
  OutputPort,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { activityProblem } from './activityProblem';
import { utcDate } from '../shared/dates';

/** What the person has typed and picked; kept as is across errors. */
export type RequestFormValues = {
  subjectRef: string;
  purpose: string;
  /** yyyy-mm-dd, as a date field holds it. */
  endsAt: string;
  acceptTerms: boolean;
  legalBasis?: ProcessingActivity;
};

/** The fields of the form, named as in the request body so that backend messages map onto them. */
export const REQUEST_FORM_FIELDS = [
  'subjectRef',
  'purpose',
  'endsAt',
  'acceptTerms',
  'legalBasis',
] as const;

/** @public */
export type RequestFormField = (typeof REQUEST_FORM_FIELDS)[number];

/** @public */
export type RequestFormErrors = FieldErrors<RequestFormField>;

/** Used when a port sets no maximum duration. */
export const DEFAULT_DURATION = 'P90D';

/** True when the port asks for the processing activity the data is used under. */
export function needsLegalBasis(port: OutputPort): boolean {
  return port.access?.legalBasisRequired ?? holdsPersonalData(port);
}

/** True when the port holds GDPR Art. 9 special categories. */
export function holdsSpecialCategories(port: OutputPort): boolean {
  return Boolean(port.personalData?.specialCategories);
}

/** The end date a fresh form proposes: today plus the port's max duration, or 90 days. */
export function defaultEndDate(port: OutputPort, now: Date): string {
  return utcDate(
    latestEndDate({
      from: now,
      maxDuration: port.access?.maxDuration ?? DEFAULT_DURATION,
    })!,
  );
}

/** The latest end date (yyyy-mm-dd) the port and the picked activity allow, and why. */
export function endDateLimit(
  port: OutputPort,
  activity: ProcessingActivity | undefined,
  now: Date,
): { date: string; reason: string } | undefined {
  const portLatest = latestEndDate({
    from: now,
    maxDuration: port.access?.maxDuration,
  });
  const portLimit = portLatest && {
    date: utcDate(portLatest),
    reason: `access to ${port.name} lasts at most ${port.access?.maxDuration}`,
  };
  // validTo is a date: the activity covers that whole day.
  const activityLimit = activity?.validTo && {
    date: activity.validTo,
    reason: `${activity.number} is valid until ${activity.validTo}`,
  };
  if (portLimit && activityLimit) {
    return activityLimit.date < portLimit.date ? activityLimit : portLimit;
  }
  return portLimit || activityLimit || undefined;
}

/** The body of `POST /requests` the form stands for. */
export function toRequestBody(
  entityRef: string,
  port: OutputPort,
  values: RequestFormValues,
): CreateAccessRequest {
  return {
    entityRef,
    outputPort: port.name,
    subjectRef: values.subjectRef,
    purpose: values.purpose,
    endsAt: values.endsAt,
    acceptTerms: values.acceptTerms as true,
    ...(values.legalBasis && needsLegalBasis(port)
      ? {
          legalBasis: {
            registerId: values.legalBasis.registerId,
            activityId: values.legalBasis.id,
          },
        }
      : {}),
  };
}

/**
 * Checks the form before sending, with the same schema the backend uses plus
 * the rules the backend checks against the port and the register, so that
 * most problems show before a round trip.
 */
export function validateRequestForm(options: {
  entityRef: string;
  port: OutputPort;
  values: RequestFormValues;
  now: Date;
}):
  | { ok: true; body: CreateAccessRequest }
  | { ok: false; errors: RequestFormErrors } {
  const { entityRef, port, values, now } = options;
  const body = toRequestBody(entityRef, port, values);
  const fields: RequestFormErrors['fields'] = {};
  const today = utcDate(now);

  if (!values.endsAt) {
    fields.endsAt = 'Pick the date access should end';
  } else if (values.endsAt <= today) {
    fields.endsAt = 'Pick a date after today';
  } else {
    const limit = endDateLimit(port, values.legalBasis, now);
    if (limit && values.endsAt > limit.date) {
      fields.endsAt = `Pick ${limit.date} or earlier: ${limit.reason}`;
    }
  }

  if (needsLegalBasis(port)) {
    const activity = values.legalBasis;
    const problem = activity && activityProblem(activity, now);
    if (!activity) {
      fields.legalBasis =
        'This port holds personal data: pick the processing activity you will use it under';
    } else if (problem) {
      fields.legalBasis = `${activity.number} cannot be used: ${problem}`;
    } else if (holdsSpecialCategories(port) && !activity.art9Basis) {
      fields.legalBasis =
        'This port holds special categories: pick an activity with an Art. 9(2) basis';
    }
  }

  const parsed = createAccessRequestSchema.safeParse(body);
  const fromSchema = parsed.success
    ? { fields: {}, form: [] }
    : fieldErrorsFrom(
        describeIssues(parsed.error.issues).join('; '),
        REQUEST_FORM_FIELDS,
      );
  // A rule above says more than the schema about the same field.
  const merged = { ...fromSchema.fields, ...fields };
  if (Object.keys(merged).length > 0 || fromSchema.form.length > 0) {
    return { ok: false, errors: { fields: merged, form: fromSchema.form } };
  }
  return { ok: true, body };
}

/**
 * Sorts an error of `createRequest` by field. A conflict (an open request
 * exists) and an Idempotency-Key reused with another body concern the form
 * as a whole and say what to do next.
 */
export function errorsFromResponse(error: unknown): RequestFormErrors {
  if (!ResponseError.is(error)) {
    return { fields: {}, form: [String((error as Error)?.message ?? error)] };
  }
  const message = error.body?.error?.message ?? error.message;
  if (error.statusCode === 409) {
    return {
      fields: {},
      form: [
        `${message}. You find it under "Your access to this product" above.`,
      ],
    };
  }
  if (error.statusCode === 400 || error.statusCode === 422) {
    return fieldErrorsFrom(message, REQUEST_FORM_FIELDS);
  }
  return { fields: {}, form: [message] };
}
