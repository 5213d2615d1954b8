import { ResponseError } from '@backstage/errors';
import {
  createAccessRequestSchema,
  CreateAccessRequest,
  endDateProblem,
  FieldErrors,
  fieldErrorsFrom,
  fieldErrorsFromMessage,
  issuesFromZod,
  issuesOf,
  latestEndDate,
  legalBasisProblem,
  needsLegalBasis,
  OutputPort,
  ProcessingActivity,
  problemHint,
} from '@datamesh-governance/plugin-data-products-common';
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
const REQUEST_FORM_FIELDS = [
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

/**
 * The end date a fresh form proposes, as a duration from today: data
 * minimisation asks for the shortest access that does the job, so the form
 * proposes this or the port's maximum, whichever is shorter (the person can
 * still pick any date up to the maximum).
 */
export const DEFAULT_DURATION = 'P90D';

/** The end date a fresh form proposes: today plus 90 days, or the port's max duration if shorter. */
export function defaultEndDate(port: OutputPort, now: Date): string {
  return utcDate(
    latestEndDate({
      from: now,
      maxDuration: port.access?.maxDuration,
      ceiling: DEFAULT_DURATION,
    })!,
  );
}

/** The body of `POST /requests` the form stands for. */
function toRequestBody(
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
 * Checks the form before sending, with the schema and the rules the backend
 * uses (end date, legal basis), so that most problems show before a round
 * trip and read as the backend would put them.
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

  const endsAt = values.endsAt ? new Date(values.endsAt) : undefined;
  if (!endsAt) fields.endsAt = 'Pick the date access should end';
  // As the backend gets it: the activity goes only with a port that needs one.
  const activity = body.legalBasis ? values.legalBasis : undefined;
  for (const problem of [
    endsAt && endDateProblem({ endsAt, port, now }),
    legalBasisProblem({ port, activity, endsAt, now }),
  ]) {
    if (problem) fields[problem.field] = problemHint(problem);
  }

  const parsed = createAccessRequestSchema.safeParse(body);
  const fromSchema = parsed.success
    ? { fields: {}, form: [] }
    : fieldErrorsFrom(
        issuesFromZod(parsed.error.issues, 'body'),
        REQUEST_FORM_FIELDS,
      );
  // A rule above says more than the schema about the same field.
  const merged = { ...fromSchema.fields, ...fields };
  if (Object.keys(merged).length > 0 || fromSchema.form.length > 0) {
    return { ok: false, errors: { fields: merged, form: fromSchema.form } };
  }
  return { ok: true, body };
}

/** What the form asked for, in the words the person knows. */
export type RequestNames = {
  productTitle: string;
  port: string;
  /** The subject as the form lists it, e.g. "Me (ada)" or "Group team-x". */
  subjectLabel?: string;
};

function forWhom(subjectLabel?: string) {
  if (!subjectLabel) return '';
  if (subjectLabel.startsWith('Me ')) return ' for you';
  return ` for ${subjectLabel.charAt(0).toLowerCase()}${subjectLabel.slice(1)}`;
}

/**
 * Sorts an error of `createRequest` by field. A conflict (an open request
 * exists) concerns the form as a whole: it is told with the product's title
 * and the port's name, not the backend's ids and entity refs, and says what
 * to do next.
 */
export function errorsFromResponse(
  error: unknown,
  names?: RequestNames,
): RequestFormErrors {
  if (!ResponseError.is(error)) {
    return { fields: {}, form: [String((error as Error)?.message ?? error)] };
  }
  const message = error.body?.error?.message ?? error.message;
  if (error.statusCode === 409) {
    const what = names
      ? `You already have an open request for ${names.port} of ${
          names.productTitle
        }${forWhom(names.subjectLabel)}`
      : 'You already have an open request for this port';
    return {
      fields: {},
      form: [
        `${what}: cancel it or wait for the owners' decision. You find it under "Your access to this product" above.`,
      ],
    };
  }
  if (error.statusCode === 400 || error.statusCode === 422) {
    // The issues say which field; a message alone may start with one.
    const issues = issuesOf(error.body);
    return issues.length > 0
      ? fieldErrorsFrom(issues, REQUEST_FORM_FIELDS)
      : fieldErrorsFromMessage(message, REQUEST_FORM_FIELDS);
  }
  return { fields: {}, form: [message] };
}
