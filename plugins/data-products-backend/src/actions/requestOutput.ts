import type { z as zod } from 'zod/v3';

/**
 * An access request as actions answer it: the fields an assistant needs
 * described, anything else the API returns passed through unchanged.
 */
export function accessRequestOutput(z: typeof zod) {
  return z
    .object({
      id: z.string().describe('Id of the access request'),
      entityRef: z
        .string()
        .describe(
          'The data product, e.g. dataproduct:default/benefit-decisions',
        ),
      outputPort: z.string().describe('The output port of the data product'),
      subjectRef: z
        .string()
        .describe('Who gets access: a user, a group or a component'),
      requesterRef: z.string().describe('Who asked'),
      purpose: z.string(),
      status: z
        .string()
        .describe('pending, approved, rejected, cancelled, expired or revoked'),
      endsAt: z.string().describe('When access ends (ISO 8601)'),
      createdAt: z.string(),
      channel: z
        .string()
        .optional()
        .describe('portal, or assistant when an assistant filed it'),
      decisionReason: z.string().optional(),
    })
    .passthrough();
}

/** A page of requests; pass `nextCursor` back as `cursor` for the next one. */
export function accessRequestPageOutput(z: typeof zod) {
  return z.object({
    items: z.array(accessRequestOutput(z)),
    nextCursor: z
      .string()
      .optional()
      .describe('Give this as cursor to get the next page; absent on the last'),
  });
}
