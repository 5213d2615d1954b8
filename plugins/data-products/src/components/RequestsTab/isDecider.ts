import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';

/**
 * Whether someone who owns or belongs to `claims` decides on requests for the
 * product: as its owner or as an approver of one of its ports. Only shapes the
 * page; the backend decides who may decide.
 */
export function isDecider(
  entity: DataProductEntityV1alpha1,
  claims: string[],
): boolean {
  const deciders = [
    entity.spec.owner,
    ...(entity.spec.outputPorts ?? []).flatMap(p => p.access?.approvers ?? []),
  ].map(normalize);
  const mine = new Set(claims.map(normalize));
  return deciders.some(ref => mine.has(ref));
}

function normalize(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return ref;
  }
}
