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
 * The longest ADR id: ids are stored in columns of this size.
 * @public
 */
export const MAX_ADR_ID_LENGTH = 255;

/**
 * Whether a value can be an ADR id at all (what `adrIdOf` makes), so that
 * anything else is refused before it is looked up or stored.
 * @public
 */
export function isAdrIdShaped(value: string): boolean {
  return value.length <= MAX_ADR_ID_LENGTH && /^[A-Za-z0-9._-]+$/.test(value);
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
