import { z } from 'zod';
import { hasNoControlCharacters, isWellFormedText } from './text';

/** @public */
export const opinionStances = ['support', 'concern', 'object'] as const;

/** The perspectives the forum seats. @public */
export const opinionPerspectives = [
  'consumer',
  'producer',
  'platform',
  'legal',
  'business',
] as const;

/**
 * The shape of `opinionInputSchema`, written out: inferred, its enums list
 * their members in whatever order the compiler met them, so the API report
 * differed between checkouts.
 * @public
 */
export type OpinionInputShape = {
  stance: z.ZodEnum<{
    support: 'support';
    concern: 'concern';
    object: 'object';
  }>;
  perspective: z.ZodEnum<{
    consumer: 'consumer';
    producer: 'producer';
    platform: 'platform';
    legal: 'legal';
    business: 'business';
  }>;
  comment: z.ZodString;
};

/**
 * Body of `PUT /adrs/:adrId/opinions/mine`. Strict: the author comes from
 * credentials, so an `author` (or any other unknown field) is a 400.
 * @public
 */
export const opinionInputSchema: z.ZodObject<
  OpinionInputShape,
  z.core.$strict
> = z.strictObject({
  stance: z.enum(opinionStances),
  perspective: z.enum(opinionPerspectives),
  comment: z
    .string()
    .trim()
    .min(1, 'say briefly why')
    .max(4000, 'keep it under 4000 characters')
    // PostgreSQL cannot store NUL; other control characters are never meant.
    .refine(
      hasNoControlCharacters,
      'remove control characters (such as NUL) from the comment',
    )
    // A lone surrogate would be stored as U+FFFD, not as what was sent.
    .refine(isWellFormedText, 'the comment is not valid Unicode text'),
});

// The opinions the backend answers with are the OpenAPI spec's models, not
// copies; contract.test.ts checks that the lists and the schema above say
// the same as the spec.
export type {
  Opinion,
  OpinionInput,
  OpinionPerspective,
  OpinionRevision,
  OpinionStance,
  OpinionSummary,
} from './generated/models';
