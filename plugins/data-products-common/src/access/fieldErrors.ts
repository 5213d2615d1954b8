import type { z } from 'zod';
import type { Issue } from '../generated';

/**
 * One thing wrong with a request, as a 400 of the data-products backend
 * lists them in `error.issues`: where (a JSON pointer such as
 * `/body/legalBasis/activityId` or `/query/limit`) and what.
 * @public
 */
export type FieldIssue = Issue;

/** The part of a request an issue is in. @public */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

function pointer(part: RequestPart, path: readonly PropertyKey[]): string {
  const escape = (segment: PropertyKey) =>
    String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return ['', part, ...path.map(escape)].join('/');
}

/**
 * Zod's issues as {@link FieldIssue}s of one part of a request; each field a
 * strict schema refuses is an issue of its own. `at` is where the parsed
 * value sits in that part (e.g. `['Idempotency-Key']` for a header).
 * @public
 */
export function issuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  part: RequestPart,
  at: readonly PropertyKey[] = [],
): FieldIssue[] {
  return issues.flatMap(issue => {
    const path = [...at, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => ({
        path: pointer(part, [...path, key]),
        message: 'unknown field',
      }));
    }
    return [{ path: pointer(part, path), message: issue.message }];
  });
}

/**
 * One line per zod issue, led by the field it concerns
 * (`purpose: say in a sentence...`), or `unknown fields a, b` for keys a
 * strict schema refuses.
 * The backend joins these into the message of its 400s, next to the issues.
 * @public
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map(issue => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return `unknown field${
        issue.keys.length > 1 ? 's' : ''
      } ${issue.keys.join(', ')}${path ? ` in ${path}` : ''}`;
    }
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const candidate = value as Partial<FieldIssue> | null;
  return (
    typeof candidate?.path === 'string' &&
    typeof candidate?.message === 'string'
  );
}

/**
 * The issues of an error answer's body (`{ error: { issues } }`); none when
 * it has none. Takes anything, since a body is whatever the server sent.
 * @public
 */
export function issuesOf(body: unknown): FieldIssue[] {
  const issues = (body as { error?: { issues?: unknown } } | null | undefined)
    ?.error?.issues;
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : [];
}

/** Problems sorted by the form field they concern; the rest are for the whole form. @public */
export type FieldErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  form: string[];
};

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function addTo<F extends string>(
  result: FieldErrors<F>,
  field: F,
  text: string,
) {
  const previous = result.fields[field];
  result.fields[field] = previous
    ? `${previous}; ${capitalise(text)}`
    : capitalise(text);
}

/**
 * Sorts issues by the form field they concern (the first segment of a body
 * path: `/body/legalBasis/activityId` is `legalBasis`), so that a form shows
 * each next to its field. Issues of other fields or parts go to the form,
 * with where they are.
 * @public
 */
export function fieldErrorsFrom<F extends string>(
  issues: readonly FieldIssue[],
  fields: readonly F[],
): FieldErrors<F> {
  const result: FieldErrors<F> = { fields: {}, form: [] };
  for (const { path, message } of issues) {
    const [part, field, ...rest] = path.split('/').slice(1);
    if (part === 'body' && (fields as readonly string[]).includes(field)) {
      addTo(result, field as F, message);
    } else {
      const where = [field, ...rest].filter(Boolean).join('.');
      result.form.push(where ? `${where}: ${message}` : message);
    }
  }
  return result;
}

/**
 * For a 400 without issues: a message that starts with a form field's name
 * (`endsAt must be in the future`, `legalBasis: ...`), as the backend words
 * the problems its rules find, goes next to that field; any other message
 * concerns the whole form.
 * @public
 */
export function fieldErrorsFromMessage<F extends string>(
  message: string,
  fields: readonly F[],
): FieldErrors<F> {
  const result: FieldErrors<F> = { fields: {}, form: [] };
  const field = fields.find(name =>
    new RegExp(`^${name}(?::\\s*|\\s+)\\S`).test(message),
  );
  if (field) {
    addTo(result, field, message.slice(field.length).replace(/^:?\s*/, ''));
  } else {
    result.form.push(message);
  }
  return result;
}
