import { z } from 'zod';
import { hasNoControlCharacters, isWellFormedText } from './text';

/** @public */
export const problemStatuses = ['open', 'closed'] as const;

/** @public */
export const MAX_PROBLEM_TITLE_LENGTH = 200;
/** @public */
export const MAX_PROBLEM_DESCRIPTION_LENGTH = 4000;
/** @public */
export const MAX_PROBLEM_ENTITY_REFS = 20;

// What the catalog allows in a namespace and a name (Kubernetes-style).
const ENTITY_REF =
  /^(dataproduct|domain):([a-z0-9]+(?:-+[a-z0-9]+)*)\/([a-z0-9]+(?:[-_.][a-z0-9]+)*)$/i;

/**
 * Whether a value is the full ref of a data product or a domain, such as
 * `dataproduct:default/benefit-decisions` or `domain:default/employment`:
 * the things a raised problem may touch.
 * @public
 */
export function isProblemEntityRef(value: string): boolean {
  const match = ENTITY_REF.exec(value);
  return !!match && match[2].length <= 63 && match[3].length <= 63;
}

function freeText(field: string, max: number) {
  return (
    z
      .string()
      .trim()
      .min(1, `write a ${field}`)
      .max(max, `keep the ${field} under ${max} characters`)
      // PostgreSQL cannot store NUL; other control characters are never meant.
      .refine(
        hasNoControlCharacters,
        `remove control characters (such as NUL) from the ${field}`,
      )
      .refine(isWellFormedText, `the ${field} is not valid Unicode text`)
  );
}

/** The shape of `problemInputSchema`, written out for the API report. @public */
export type ProblemInputShape = {
  title: z.ZodString;
  description: z.ZodString;
  entityRefs: z.ZodArray<z.ZodString>;
};

/**
 * Body of `POST /problems`. Strict: who raised it comes from credentials,
 * so a `raisedBy` (or any other unknown field) is a 400.
 * @public
 */
export const problemInputSchema: z.ZodObject<
  ProblemInputShape,
  z.core.$strict
> = z.strictObject({
  title: freeText('title', MAX_PROBLEM_TITLE_LENGTH),
  description: freeText('description', MAX_PROBLEM_DESCRIPTION_LENGTH),
  entityRefs: z
    .array(
      z
        .string()
        .refine(
          isProblemEntityRef,
          'not a data product or domain ref such as dataproduct:default/benefit-decisions',
        ),
    )
    .max(
      MAX_PROBLEM_ENTITY_REFS,
      `name at most ${MAX_PROBLEM_ENTITY_REFS} data products or domains`,
    ),
});

/** The shape of `problemCloseSchema`. @public */
export type ProblemCloseShape = { reason: z.ZodString };

/** Body of `POST /problems/:problemId/close`: why the forum closes it. @public */
export const problemCloseSchema: z.ZodObject<
  ProblemCloseShape,
  z.core.$strict
> = z.strictObject({ reason: freeText('reason', 1000) });

// The problems the backend answers with are the OpenAPI spec's models.
export type {
  Problem,
  ProblemAdr,
  ProblemClose,
  ProblemEvent,
  ProblemHistory,
  ProblemInput,
  ProblemLink,
  ProblemPage,
  ProblemStatus,
} from './generated/models';
