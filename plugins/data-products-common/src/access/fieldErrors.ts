import type { z } from 'zod';

/**
 * One line per zod issue, led by the field it concerns: `purpose: say in a
 * sentence...`, or `unknown fields a, b` for keys a strict schema refuses.
 * The backend joins these into its 400 messages; {@link fieldErrorsFrom}
 * reads them back in the frontend.
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

/** Problems sorted by the form field they concern; the rest are for the whole form. @public */
export type FieldErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  form: string[];
};

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Sorts a backend error message by field, so that a form can show each
 * problem next to the field it concerns. Understands both shapes the
 * data-products backend uses: `Invalid access request: purpose: ...; endsAt: ...`
 * (from {@link describeIssues}) and single messages that start with the
 * field, such as `endsAt must be in the future` or `legalBasis: ...`.
 * Anything else is a form-level problem.
 * @public
 */
export function fieldErrorsFrom<F extends string>(
  message: string,
  fields: readonly F[],
): FieldErrors<F> {
  const result: FieldErrors<F> = { fields: {}, form: [] };
  const names = fields.map(escapeRegExp).join('|');
  const body = message.replace(/^Invalid [^:]+: /, '');
  // Split only where the next part starts with a field name, so that a
  // message with a semicolon of its own stays whole.
  const parts = names
    ? body.split(new RegExp(`; (?=(?:${names})[.:\\s]|unknown field)`))
    : [body];
  const leading = names
    ? new RegExp(`^(${names})(?:\\.[\\w.]+)?(?::\\s*|\\s+(?=\\S))([\\s\\S]*)$`)
    : undefined;

  for (const part of parts) {
    const match = leading?.exec(part);
    if (!match) {
      result.form.push(part);
      continue;
    }
    const field = match[1] as F;
    const text = capitalise(match[2]);
    const previous = result.fields[field];
    result.fields[field] = previous ? `${previous}; ${text}` : text;
  }
  return result;
}
