import {
  OpinionPerspective,
  opinionPerspectives,
  OpinionStance,
  opinionStances,
} from './opinions';

/** Keeps letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
function urlSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * The id of an ADR: `<sourceId>--<file name without .md>`, URL-safe.
 * @public
 */
export function adrIdOf(sourceId: string, fileName: string): string {
  return `${urlSafe(sourceId)}--${urlSafe(fileName.replace(/\.md$/i, ''))}`;
}

/**
 * Zero for every perspective and stance, so that a summary always has every key.
 * @public
 */
export function emptyOpinionCounts(): Record<
  OpinionPerspective,
  Record<OpinionStance, number>
> {
  return Object.fromEntries(
    opinionPerspectives.map(perspective => [
      perspective,
      Object.fromEntries(opinionStances.map(stance => [stance, 0])),
    ]),
  ) as Record<OpinionPerspective, Record<OpinionStance, number>>;
}
