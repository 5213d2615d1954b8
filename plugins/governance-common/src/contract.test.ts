import type { z } from 'zod';
import { adrStatuses } from './adr';
import type {
  AdrStatus,
  EntityCheck,
  OpinionInput,
  OpinionPerspective,
  OpinionStance,
  ProblemClose,
  ProblemInput,
  ProblemStatus,
} from './generated/models';
import {
  opinionInputSchema,
  opinionPerspectives,
  opinionStances,
} from './opinions';
import type { PolicyCheckResult } from './policies';
import {
  problemCloseSchema,
  problemInputSchema,
  problemStatuses,
} from './problems';

// The OpenAPI spec is the one source of the governance contract; the value
// lists the UI iterates, the zod schema the backend checks opinions with and
// the names the spec does not have must say the same. These lines fail
// `yarn tsc` when they drift apart.

/** True when A and B are the same type, not merely assignable either way. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

const agreements: Record<string, true> = {
  adrStatuses: true satisfies Same<(typeof adrStatuses)[number], AdrStatus>,
  opinionStances: true satisfies Same<
    (typeof opinionStances)[number],
    OpinionStance
  >,
  opinionPerspectives: true satisfies Same<
    (typeof opinionPerspectives)[number],
    OpinionPerspective
  >,
  opinionInput: true satisfies Same<
    z.output<typeof opinionInputSchema>,
    OpinionInput
  >,
  problemStatuses: true satisfies Same<
    (typeof problemStatuses)[number],
    ProblemStatus
  >,
  problemInput: true satisfies Same<
    z.output<typeof problemInputSchema>,
    ProblemInput
  >,
  problemClose: true satisfies Same<
    z.output<typeof problemCloseSchema>,
    ProblemClose
  >,
  policyCheckResult: true satisfies Same<
    PolicyCheckResult,
    Omit<EntityCheck, 'policy' | 'adrs' | 'enforcement' | 'failingSince'>
  >,
};

describe('the governance contract', () => {
  it('is checked by the compiler for every list, schema and hand-named type', () => {
    expect(Object.keys(agreements)).toHaveLength(8);
  });

  it('parses an opinion the spec describes into the same opinion', () => {
    const input: OpinionInput = {
      stance: 'concern',
      perspective: 'legal',
      comment: 'Art. 9 data needs a stricter end date',
    };
    expect(opinionInputSchema.parse(input)).toEqual(input);
  });
});
