import { fieldIssuesFromZod } from '@datamesh-governance/plugin-governance-common';
import { z } from 'zod';
import { RequestInputError } from './RequestInputError';

/** Parses a request body with a zod schema; a mismatch is a 400 listing each field's issue. */
export function parseBody<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new RequestInputError(
      fieldIssuesFromZod(result.error.issues, 'body'),
    );
  }
  return result.data;
}
