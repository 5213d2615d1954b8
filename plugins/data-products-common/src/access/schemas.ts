import { z } from 'zod';

const entityRef = z
  .string()
  .regex(
    /^[a-z0-9_-]+:([a-z0-9_.-]+\/)?[a-z0-9_.-]+$/i,
    'must be an entity ref like kind:namespace/name',
  );

const isoTimestamp = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .describe('an ISO 8601 date or timestamp');

/**
 * Body of `POST /requests`. Strict: unknown fields (a requester, a status)
 * are refused, never mass-assigned.
 * @public
 */
export const createAccessRequestSchema = z.strictObject({
  entityRef,
  outputPort: z.string().min(1),
  /** Who gets access; defaults to the requester. */
  subjectRef: entityRef.optional(),
  purpose: z
    .string()
    .trim()
    .min(10, 'say in a sentence what you will use the data for'),
  legalBasis: z
    .strictObject({
      registerId: z.string().min(1),
      activityId: z.string().min(1),
    })
    .optional(),
  endsAt: isoTimestamp,
  acceptTerms: z.literal(true, {
    error: 'the terms of use of the port must be accepted',
  }),
});

/** @public */
export type CreateAccessRequest = z.infer<typeof createAccessRequestSchema>;

/** Body of `POST /requests/:id/approve`. @public */
export const approveAccessRequestSchema = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
  /** Shortens the requested end date; never extends it. */
  endsAt: isoTimestamp.optional(),
});

/** Body of `POST /requests/:id/reject` and `/revoke`: a reason is required. @public */
export const reasonRequiredSchema = z.strictObject({
  reason: z.string().trim().min(1, 'give a reason').max(2000),
});

/** Body of `POST /requests/:id/cancel`. @public */
export const cancelAccessRequestSchema = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
});

/** Body of `POST /requests/decisions`. @public */
export const bulkDecisionSchema = z.strictObject({
  decisions: z
    .array(
      z.discriminatedUnion('action', [
        z.strictObject({
          id: z.string().min(1),
          action: z.literal('approve'),
          reason: z.string().trim().max(2000).optional(),
          endsAt: isoTimestamp.optional(),
        }),
        z.strictObject({
          id: z.string().min(1),
          action: z.literal('reject'),
          reason: z.string().trim().min(1, 'give a reason').max(2000),
        }),
      ]),
    )
    .min(1)
    .max(100),
});

/** @public */
export type BulkDecision = z.infer<typeof bulkDecisionSchema>;

/** Sort fields `GET /requests` accepts. @public */
export const accessRequestSortFields = ['createdAt', 'endsAt'] as const;

/** Query of `GET /requests`. @public */
export const listAccessRequestsQuerySchema = z.strictObject({
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
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** @public */
export type ListAccessRequestsQuery = z.infer<
  typeof listAccessRequestsQuerySchema
>;
