import { parseEntityRef } from '@backstage/catalog-model';

/** The name part of an entity ref ("benefit-decisions"), or the text as it is. */
export function shortName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
