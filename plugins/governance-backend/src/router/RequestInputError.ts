import { InputError } from '@backstage/errors';
import { FieldIssue } from '@datamesh-governance/plugin-governance-common';

/**
 * A 400 whose body lists each thing wrong with the request in
 * `error.issues`, next to a message that names them all. It is an
 * `InputError` (same name, same status); the error handler serialises the
 * issues with it.
 */
export class RequestInputError extends InputError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(
      `Invalid request: ${issues
        .map(issue => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
    );
    this.issues = issues;
  }
}
