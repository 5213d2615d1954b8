import { InputError } from '@backstage/errors';
import type { Issue } from './openapi/generated';

/**
 * A 400 that lists what is wrong, field by field, in `error.issues` of its
 * body (see `Issue` in openapi.yaml), next to a message that says it all in
 * words. It is an `InputError` — same name, same status — whose `issues`
 * Backstage's error handler serialises with it.
 */
export class RequestInputError extends InputError {
  readonly issues: Issue[];

  constructor(message: string, issues: Issue[]) {
    super(message);
    this.issues = issues;
  }

  /** One field of the body at fault, e.g. `endsAt` and `must be in the future`. */
  static forField(field: string, message: string): RequestInputError {
    return new RequestInputError(`${field} ${message}`, [
      { path: `/body/${field}`, message },
    ]);
  }
}
