import { ResponseError } from '@backstage/errors';
import {
  bodyFieldOf,
  FieldIssue,
  fieldIssuesFromZod,
  fieldIssuesOf,
  OpinionInput,
  opinionInputSchema,
} from '@datamesh-governance/plugin-governance-common';

type OpinionField = keyof OpinionInput;

const fields: OpinionField[] = ['stance', 'perspective', 'comment'];

/** Problems to show next to a field, or above the form when they belong to none. */
export type OpinionFormErrors = {
  fields: Partial<Record<OpinionField, string>>;
  form?: string;
};

/** Checks the draft with the same schema the backend uses, before sending it. */
export function validateOpinion(draft: {
  stance: string;
  perspective: string;
  comment: string;
}): { input: OpinionInput } | { errors: OpinionFormErrors } {
  const result = opinionInputSchema.safeParse(draft);
  if (result.success) return { input: result.data };
  return {
    errors: placeIssues(fieldIssuesFromZod(result.error.issues, 'body'), draft),
  };
}

/**
 * A rejected save: each issue of a 400 next to its field (as the backend
 * lists them in `error.issues`), anything else above the form.
 */
export function errorsFromResponse(error: unknown): OpinionFormErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ResponseError)) {
    return { fields: {}, form: message };
  }
  const serverMessage = error.body?.error?.message ?? message;
  const status = error.response.status;
  if (status === 409) {
    return { fields: {}, form: `Opinions are closed: ${serverMessage}` };
  }
  const issues = status === 400 ? fieldIssuesOf(error.body) : [];
  return issues.length
    ? placeIssues(issues)
    : { fields: {}, form: serverMessage };
}

/** Issues about a field of the form go next to it; the rest above the form. */
function placeIssues(
  issues: FieldIssue[],
  draft?: Record<OpinionField, string>,
): OpinionFormErrors {
  const errors: OpinionFormErrors = { fields: {} };
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const field = fields.find(f => f === bodyFieldOf(issue));
    if (!field) {
      elsewhere.push(issue.message);
    } else if (!errors.fields[field]) {
      errors.fields[field] = messageFor(field, draft?.[field], issue.message);
    }
  }
  if (elsewhere.length) errors.form = elsewhere.join('; ');
  return errors;
}

function messageFor(
  field: OpinionField,
  value: string | undefined,
  fallback: string,
) {
  if (field === 'stance' && value === '') return 'Choose a stance';
  if (field === 'perspective' && value === '')
    return 'Choose the perspective you speak for';
  return fallback;
}
