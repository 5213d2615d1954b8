import { InputError } from '@backstage/errors';
import {
  accessRequestIdSchema,
  describeIssues,
  idempotencyKeySchema,
  issuesFromZod,
  RequestPart,
} from '@datamesh-governance/plugin-data-products-common';
import { z } from 'zod';
import { RequestInputError } from '../schema/RequestInputError';
import { AnyRequest } from './types';

/**
 * Parses one part of a request with a zod schema; a mismatch is a 400 whose
 * message names each field and whose `error.issues` list them one by one.
 * `at` is where the value sits in its part, e.g. a header's name.
 */
export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
  part: RequestPart = 'body',
  at: string[] = [],
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new RequestInputError(
      `Invalid ${where}: ${describeIssues(result.error.issues).join('; ')}`,
      issuesFromZod(result.error.issues, part, at),
    );
  }
  return result.data;
}

/** A hostile value, short and with its control characters escaped, for a message. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * The id of a request route (`:id`, or an id in a bulk body). Anything but
 * an id this API hands out is a 400 before it reaches a query: PostgreSQL
 * would fail on a NUL, and a 404 would hide the caller's mistake.
 */
export function requestIdParam(id: unknown): string {
  if (typeof id === 'string' && accessRequestIdSchema.safeParse(id).success) {
    return id;
  }
  throw new RequestInputError(`${quoted(id)} is not an access request id`, [
    { path: '/params/id', message: 'is not an access request id' },
  ]);
}

/**
 * The ids of a bulk body split into those that may reach a query and a 400
 * for each of the rest, so that a bad id fails only its own item.
 */
export function checkRequestIds(ids: string[]): {
  valid: string[];
  invalid: Map<string, InputError>;
} {
  const valid: string[] = [];
  const invalid = new Map<string, InputError>();
  for (const id of ids) {
    try {
      valid.push(requestIdParam(id));
    } catch (error) {
      invalid.set(id, error as InputError);
    }
  }
  return { valid, invalid };
}

/** The `Idempotency-Key` header, if any; one that cannot be stored is a 400. */
export function idempotencyKeyOf(req: AnyRequest): string | undefined {
  const key = req.header('Idempotency-Key');
  return key
    ? parse(idempotencyKeySchema, key, 'Idempotency-Key header', 'headers', [
        'Idempotency-Key',
      ])
    : undefined;
}
