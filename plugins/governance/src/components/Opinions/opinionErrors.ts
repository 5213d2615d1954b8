import { ResponseError } from '@backstage/errors';
import {
  OpinionInput,
  opinionInputSchema,
} from '@datamesh-governance/plugin-governance-common';

export type OpinionField = keyof OpinionInput;
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
  const errors: OpinionFormErrors = { fields: {} };
  for (const issue of result.error.issues) {
    const field = issue.path[0] as OpinionField;
    if (fields.includes(field) && !errors.fields[field]) {
      errors.fields[field] = messageFor(field, draft[field], issue.message);
    }
  }
  return { errors };
}

function messageFor(field: OpinionField, value: string, fallback: string) {
  if (field === 'stance' && !value) return 'Choose a stance';
  if (field === 'perspective' && !value)
    return 'Choose the perspective you speak for';
  return fallback;
}

/** A rejected save: a 400 naming a field goes next to it, anything else above the form. */
export function errorsFromResponse(error: unknown): OpinionFormErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ResponseError) {
    const serverMessage = error.body?.error?.message ?? message;
    const status = error.response.status;
    if (status === 409) {
      return { fields: {}, form: `Opinions are closed: ${serverMessage}` };
    }
    const field = fields.find(f => serverMessage.includes(f));
    if (status === 400 && field) {
      return { fields: { [field]: serverMessage } };
    }
    return { fields: {}, form: serverMessage };
  }
  return { fields: {}, form: message };
}
