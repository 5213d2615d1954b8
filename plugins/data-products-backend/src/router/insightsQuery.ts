import { safeName } from '@datamesh-governance/plugin-data-products-common';
import { z } from 'zod';

// As the spec's EntityRef and Timestamp; -common keeps its own private.
const entityRef = z
  .string()
  .max(255, 'must be at most 255 characters')
  .regex(
    /^[a-z0-9_-]+:([a-z0-9_.-]+\/)?[a-z0-9_.-]+$/i,
    'must be an entity ref like kind:namespace/name',
  );
const isoTimestamp = (field: string) =>
  z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: `give ${field} as an ISO 8601 date or timestamp, e.g. 2026-01-01 or 2026-01-01T00:00:00Z`,
  });

/** The longest period `GET /metrics` answers. */
const MAX_METRICS_YEARS = 3;

/** Query of `GET /metrics`. */
export const metricsQuerySchema = z
  .strictObject({
    from: isoTimestamp('from'),
    to: isoTimestamp('to'),
    groupBy: z
      .enum(['month', 'product', 'owner'], {
        error: 'must be month, product or owner',
      })
      .default('month'),
    entityRef: entityRef.optional(),
    owner: entityRef.optional(),
    domain: entityRef.optional(),
    classification: safeName().optional(),
  })
  .superRefine((query, ctx) => {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
      });
      return;
    }
    const limit = new Date(from);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_METRICS_YEARS);
    if (to > limit) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_METRICS_YEARS} years after from`,
      });
    }
  });

/** Query of `GET /reports/personal-data-access`. */
export const reportQuerySchema = z
  .strictObject({
    at: isoTimestamp('at').optional(),
    format: z
      .enum(['json', 'csv'], { error: 'must be json or csv' })
      .default('json'),
    cursor: z.string().max(500, 'is not one this API handed out').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .superRefine((query, ctx) => {
    if (query.at && new Date(query.at).getTime() > Date.now()) {
      ctx.addIssue({
        code: 'custom',
        path: ['at'],
        message: 'must not be in the future',
      });
    }
  });

/**
 * The moment a report's `at` means: an instant as given, a date the end of
 * that day (UTC), today's date and no `at` now.
 */
export function reportMoment(at: string | undefined, now: Date): Date {
  if (!at) return now;
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    const endOfDay = new Date(`${at}T23:59:59.999Z`);
    return endOfDay > now ? now : endOfDay;
  }
  return new Date(at);
}
