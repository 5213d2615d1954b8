import {
  getCompoundEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import type {
  DataProductEntityV1alpha1,
  OutputPort,
} from '../../entity/DataProductEntity';
import { normalizeEntityRef } from './entityRef';

/**
 * Who decides requests for a port: the product's owners (its `ownedBy`
 * relations, as the catalog resolved them) and the port's approvers, each
 * once, normalised. An approver without a kind is a group in the product's
 * namespace; one that is not an entity ref names nobody.
 * @public
 */
export function decidersOf(
  entity: DataProductEntityV1alpha1,
  port: OutputPort,
): string[] {
  const { namespace } = getCompoundEntityRef(entity);
  const owners = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => normalizeEntityRef(relation.targetRef));
  const approvers = (port.access?.approvers ?? []).flatMap(approver =>
    refOrNothing(approver, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
  );
  return [...new Set([...owners, ...approvers])];
}

/**
 * Whether someone with these ownership claims (their user ref and groups)
 * is among the deciders.
 * @public
 */
export function decidesOn(claims: string[], deciders: string[]): boolean {
  const mine = new Set(claims.flatMap(claim => refOrNothing(claim)));
  return deciders.some(ref => mine.has(ref));
}

function refOrNothing(
  ref: string,
  context?: { defaultKind?: string; defaultNamespace?: string },
): string[] {
  try {
    return [normalizeEntityRef(ref, context)];
  } catch {
    return [];
  }
}
