import { ResponseError } from '@backstage/errors';

/** What the server said, rather than "Request failed with 409 Conflict". */
export function errorMessage(error: Error): string {
  return ResponseError.is(error) ? error.cause.message : error.message;
}
