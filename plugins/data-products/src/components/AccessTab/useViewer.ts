import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { SubjectType } from '@datamesh-governance/plugin-data-products-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** Someone or something the viewer may ask access for. */
export type SubjectOption = {
  ref: string;
  type: SubjectType;
  label: string;
};

/** The signed-in person and the subjects they may ask access for. */
export type Viewer = {
  userRef: string;
  ownershipRefs: string[];
  /** Themselves first, then their groups, then the services they own. */
  subjects: SubjectOption[];
};

function nameOf(ref: string) {
  return parseEntityRef(ref).name;
}

function serviceOption(entity: Entity): SubjectOption {
  return {
    ref: stringifyEntityRef(entity),
    type: 'service',
    label: `Service ${entity.metadata.title ?? entity.metadata.name}`,
  };
}

/**
 * Loads the viewer: groups come from the identity's ownership refs, services
 * are the catalog Components any of those refs own.
 */
export function useViewer() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<Viewer> => {
    const identity = await identityApi.getBackstageIdentity();
    const ownershipRefs = identity.ownershipEntityRefs;
    const groups = ownershipRefs
      .filter(ref => parseEntityRef(ref).kind.toLowerCase() === 'group')
      .map(ref => ({
        ref,
        type: 'group' as const,
        label: `Group ${nameOf(ref)}`,
      }));
    const { items: services } = await catalogApi.getEntities({
      filter: { kind: 'component', 'relations.ownedBy': ownershipRefs },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
    });
    return {
      userRef: identity.userEntityRef,
      ownershipRefs,
      subjects: [
        {
          ref: identity.userEntityRef,
          type: 'user',
          label: `Me (${nameOf(identity.userEntityRef)})`,
        },
        ...groups,
        ...services.map(serviceOption),
      ],
    };
  }, [identityApi, catalogApi]);
}
