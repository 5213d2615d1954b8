import { z } from 'zod';
import { MAX_NAME_LENGTH, noNul, safeName, safeText } from './safeText';

// The bodies these schemas parse are the OpenAPI spec's models, and
// contract.test.ts fails `yarn tsc` when a schema and its model disagree.
export type { BulkDecision, CreateAccessRequest } from '../generated/models';

const entityRef = z
  .string()
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .regex(
    /^[a-z0-9_-]+:([a-z0-9_.-]+\/)?[a-z0-9_.-]+$/i,
    'must be an entity ref like kind:namespace/name',
  );

const isoTimestamp = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .describe('an ISO 8601 date or timestamp');

/**
 * The id of an access request (the backend makes them with randomUUID).
 * Anything else is refused before it reaches a query.
 * @public
 */
export const accessRequestIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'is not an access request id',
  );

/**
 * The `Idempotency-Key` header of `POST /requests`: printable ASCII that
 * fits its column (a UUID is the usual choice).
 * @public
 */
export const idempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .regex(
    /^[\x20-\x7e]*$/,
    'must be printable ASCII, without control characters',
  );

/**
 * Which processing activity of which register: the path of
 * `GET /legal-bases/:registerId/:activityId` and the pointer a request keeps.
 * @public
 */
export const legalBasisPointerSchema = z.strictObject({
  registerId: safeName(),
  activityId: safeName(),
});

const GIVE_Q = 'Give q: a number like B123 or words from the name';

/** Query of `GET /legal-bases`. @public */
export const legalBasisSearchQuerySchema = z.strictObject({
  q: z
    .string({ error: GIVE_Q })
    .trim()
    .min(1, GIVE_Q)
    .max(200, 'must be at most 200 characters')
    .refine(noNul, 'must not contain NUL characters (\\u0000)'),
});

/**
 * Body of `POST /requests`. Strict: unknown fields (a requester, a status)
 * are refused, never mass-assigned.
 * @public
 */
export const createAccessRequestSchema = z.strictObject({
  entityRef,
  outputPort: safeName(),
  /** Who gets access; defaults to the requester. */
  subjectRef: entityRef.optional(),
  purpose: safeText().min(
    10,
    'say in a sentence what you will use the data for',
  ),
  legalBasis: legalBasisPointerSchema.optional(),
  endsAt: isoTimestamp,
  acceptTerms: z.literal(true, {
    error: 'the terms of use of the port must be accepted',
  }),
});

/** Body of `POST /requests/:id/approve`. @public */
export const approveAccessRequestSchema = z.strictObject({
  reason: safeText().optional(),
  /** Shortens the requested end date; never extends it. */
  endsAt: isoTimestamp.optional(),
});

/** Body of `POST /requests/:id/reject` and `/revoke`: a reason is required. @public */
export const reasonRequiredSchema = z.strictObject({
  reason: safeText().min(1, 'give a reason'),
});

/** Body of `POST /requests/:id/cancel`. @public */
export const cancelAccessRequestSchema = z.strictObject({
  reason: safeText().optional(),
});

/**
 * Body of `POST /requests/decisions`. Ids are checked item by item (see
 * {@link accessRequestIdSchema}) so that one bad id fails only its item.
 * @public
 */
export const bulkDecisionSchema = z.strictObject({
  decisions: z
    .array(
      z.discriminatedUnion('action', [
        z.strictObject({
          id: z.string().min(1),
          action: z.literal('approve'),
          reason: safeText().optional(),
          endsAt: isoTimestamp.optional(),
        }),
        z.strictObject({
          id: z.string().min(1),
          action: z.literal('reject'),
          reason: safeText().min(1, 'give a reason'),
        }),
      ]),
    )
    .min(1)
    .max(100),
});

/** Sort fields `GET /requests` accepts. @public */
export const accessRequestSortFields = ['createdAt', 'endsAt'] as const;

/**
 * The shape of `listAccessRequestsQuerySchema`, written out: inferred, its
 * enums list their members in whatever order the compiler met them, so the
 * API report differed between checkouts.
 * @public
 */
export type ListAccessRequestsQueryShape = {
  role: z.ZodOptional<
    z.ZodEnum<{ requester: 'requester'; approver: 'approver' }>
  >;
  status: z.ZodOptional<
    z.ZodEnum<{
      pending: 'pending';
      approved: 'approved';
      rejected: 'rejected';
      cancelled: 'cancelled';
      expired: 'expired';
      revoked: 'revoked';
    }>
  >;
  entityRef: z.ZodOptional<z.ZodString>;
  createdBefore: z.ZodOptional<z.ZodUnion<[z.ZodISODateTime, z.ZodISODate]>>;
  sort: z.ZodDefault<z.ZodEnum<{ createdAt: 'createdAt'; endsAt: 'endsAt' }>>;
  order: z.ZodDefault<z.ZodEnum<{ asc: 'asc'; desc: 'desc' }>>;
  cursor: z.ZodOptional<z.ZodString>;
  limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
};

/** Query of `GET /requests`. @public */
export const listAccessRequestsQuerySchema: z.ZodObject<
  ListAccessRequestsQueryShape,
  z.core.$strict
> = z.strictObject({
  role: z.enum(['requester', 'approver']).optional(),
  status: z
    .enum([
      'pending',
      'approved',
      'rejected',
      'cancelled',
      'expired',
      'revoked',
    ])
    .optional(),
  entityRef: entityRef.optional(),
  /** Only requests created before this instant, e.g. "waiting longer than a week". */
  createdBefore: isoTimestamp.optional(),
  sort: z.enum(accessRequestSortFields).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Decoded and checked by the backend; a cursor it hands out is short. */
  cursor: z.string().max(500, 'is not one this API handed out').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** @public */
export type ListAccessRequestsQuery = z.infer<
  typeof listAccessRequestsQuerySchema
>;
