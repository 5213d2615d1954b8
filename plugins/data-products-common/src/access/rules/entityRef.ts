import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * An entity ref in the one form the catalog keeps and the suite compares:
 * `kind:namespace/name`, lower case. `group:team-a` becomes
 * `group:default/team-a`; `team-a` needs a `defaultKind`. Throws a
 * TypeError for text that is not an entity ref.
 * @public
 */
export function normalizeEntityRef(
  ref: string | { kind?: string; namespace?: string; name: string },
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  try {
    // stringifyEntityRef lower-cases all three parts.
    return stringifyEntityRef(parseEntityRef(ref, context));
  } catch (error) {
    throw new TypeError(
      `${JSON.stringify(ref)} is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
}
