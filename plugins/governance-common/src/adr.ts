import type { Adr } from './generated/models';

/**
 * Lifecycle of an architectural decision record, as MADR names it.
 * Anything a file says that is not one of these reads as `unknown`.
 * @public
 */
export const adrStatuses = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
  'unknown',
] as const;

// What the backend answers is what its OpenAPI spec says: these types are the
// ones generated from it (`yarn openapi:generate`), not copies; contract.test.ts
// checks that the list above is the spec's.
export type {
  Adr,
  AdrIndex,
  AdrPolicyRef,
  AdrProblem,
  AdrSource,
  AdrStatus,
  AdrTrust,
  AdrWithContent,
} from './generated/models';

/** Which MADR template the file follows. @public */
export type AdrFormat = Adr['format'];
