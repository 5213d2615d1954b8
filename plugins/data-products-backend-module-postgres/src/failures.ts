import {
  NotAllowedError,
  ServiceUnavailableError,
  isError,
} from '@backstage/errors';
import type { PostgresConnection } from './config';

/** Errors this module raised on purpose pass through as they are. */
const OWN_ERRORS = new Set(['InputError', 'NotFoundError', 'NotAllowedError']);

export function where(c: PostgresConnection): string {
  // Never the password: these messages are stored and shown to owners.
  return `${c.name} (${c.user}@${c.host}:${c.port}/${c.database})`;
}

function messageOf(error: unknown): string {
  return isError(error) ? error.message : String(error);
}

/** A failure to connect: the worker records it and tries again later. */
export function connectFailure(
  error: unknown,
  connection: PostgresConnection,
): Error {
  return new ServiceUnavailableError(
    `Could not connect to PostgreSQL ${where(connection)}: ${messageOf(error)}`,
    error,
  );
}

/** A failure while changing privileges, said in terms an owner can act on. */
export function statementFailure(
  error: unknown,
  connection: PostgresConnection,
  what: string,
): Error {
  if (isError(error) && OWN_ERRORS.has(error.name)) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === '42501') {
    return new NotAllowedError(
      `The provisioner on ${where(connection)} may not ${what}: ${messageOf(
        error,
      )}. Its user must own the schema and tables or hold their privileges WITH GRANT OPTION`,
      error,
    );
  }
  return new ServiceUnavailableError(
    `PostgreSQL ${where(connection)} failed to ${what}: ${messageOf(error)}`,
    error,
  );
}
