import { ResponseError } from '@backstage/errors';
import {
  bodyFieldOf,
  FieldIssue,
  fieldIssuesFromZod,
  fieldIssuesOf,
  ProblemInput,
  problemInputSchema,
} from '@datamesh-governance/plugin-governance-common';

type ProblemField = keyof ProblemInput;

const fields: ProblemField[] = ['title', 'description', 'entityRefs'];

/** Problems to show next to a field, or above the form when they belong to none. */
export type ProblemFormErrors = {
  fields: Partial<Record<ProblemField, string>>;
  form?: string;
};

/** Checks the draft with the same schema the backend uses, before sending it. */
export function validateProblem(
  draft: ProblemInput,
): { input: ProblemInput } | { errors: ProblemFormErrors } {
  const result = problemInputSchema.safeParse(draft);
  if (result.success) return { input: result.data };
  return {
    errors: placeIssues(fieldIssuesFromZod(result.error.issues, 'body')),
  };
}

/** A rejected request: a 400's issues next to their fields, anything else above the form. */
export function errorsFromResponse(error: unknown): ProblemFormErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ResponseError)) return { fields: {}, form: message };
  const serverMessage = error.body?.error?.message ?? message;
  const issues = error.response.status === 400 ? fieldIssuesOf(error.body) : [];
  return issues.length
    ? placeIssues(issues)
    : { fields: {}, form: serverMessage };
}

/** A short message for a failed action outside the form (support, link, close). */
export function messageOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function placeIssues(issues: FieldIssue[]): ProblemFormErrors {
  const errors: ProblemFormErrors = { fields: {} };
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const field = fields.find(f => f === bodyFieldOf(issue));
    if (!field) elsewhere.push(issue.message);
    else if (!errors.fields[field]) errors.fields[field] = issue.message;
  }
  if (elsewhere.length) errors.form = elsewhere.join('; ');
  return errors;
}
