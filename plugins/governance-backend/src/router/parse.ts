import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses with a zod schema; a mismatch is a 400 that names each field. */
export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        return `unknown field${
          issue.keys.length > 1 ? 's' : ''
        } ${issue.keys.join(', ')}${path ? ` in ${path}` : ''}`;
      }
      return path ? `${path}: ${issue.message}` : issue.message;
    });
    throw new InputError(`Invalid ${where}: ${problems.join('; ')}`);
  }
  return result.data;
}
