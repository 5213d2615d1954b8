import { InputError } from '@backstage/errors';
import { describeIssues } from '@datamesh-governance/plugin-data-products-common';
import { z } from 'zod';

/**
 * Parses with a zod schema; a mismatch is a 400 that names each field, in
 * the shape the frontend's `fieldErrorsFrom` reads back.
 */
export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(
      `Invalid ${where}: ${describeIssues(result.error.issues).join('; ')}`,
    );
  }
  return result.data;
}
