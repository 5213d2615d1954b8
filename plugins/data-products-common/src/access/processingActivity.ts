import { z } from 'zod';

const isoDate = z.iso.date('must be a date like 2030-12-31');

/**
 * A processing activity from a register of processing activities
 * (GDPR Art. 30), as a consumer picks it for the legal basis of a request.
 * The built-in register checks its configured activities with it; what it
 * parses into is the OpenAPI spec's `ProcessingActivity`.
 * @public
 */
export const processingActivitySchema = z.object({
  /** Which register it comes from, e.g. `demo` or `polly`. */
  registerId: z.string().min(1),
  id: z.string().min(1),
  /** The number people know it by, e.g. `B123`. */
  number: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  purposes: z.array(z.string()).default([]),
  /** GDPR Art. 6(1) basis code, e.g. `ART61E`. */
  art6Basis: z.string().optional(),
  art6Description: z.string().optional(),
  nationalLaw: z.string().optional(),
  /** GDPR Art. 9(2) basis code for special categories, e.g. `ART92H`. */
  art9Basis: z.string().optional(),
  art9Description: z.string().optional(),
  /** `COMPLETED` activities are in force; drafts are `IN_PROGRESS`. */
  status: z.string().min(1),
  /** First day the activity is valid (yyyy-mm-dd). */
  validFrom: isoDate.optional(),
  /** Last day the activity is valid (yyyy-mm-dd), that whole day included. */
  validTo: isoDate.optional(),
  /** Where people read the activity in the register. */
  link: z.string().optional(),
});

// The type is the spec's; contract.test.ts checks that this schema parses
// into exactly that.
export type { ProcessingActivity } from '../generated/models';
