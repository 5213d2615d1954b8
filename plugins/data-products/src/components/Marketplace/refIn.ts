import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/**
 * A ref from a spec field that may leave out kind and namespace, such as
 * `spec.owner: team-benefits`; undefined when it is no ref at all.
 * (EntityRefLink does not apply its defaultKind to a string ref.)
 */
export function refIn(
  value: string | undefined,
  defaultKind: string,
  defaultNamespace?: string,
): CompoundEntityRef | undefined {
  if (!value) return undefined;
  try {
    return parseEntityRef(value, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
}
