import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * A catalog that, like the real one behind a permission policy, answers
 * each caller with what they may see: entities listed in `readers` only to
 * those users; everything to other plugins (service principals).
 */
export function catalogSeenBy(options: {
  entities: Entity[];
  readers: Record<string, string[]>;
}) {
  const base = catalogServiceMock({ entities: options.entities });
  const mayRead = (entity: Entity, credentials: BackstageCredentials) => {
    const readers = options.readers[stringifyEntityRef(entity)];
    const { principal } = credentials as BackstageCredentials<{
      type: string;
      userEntityRef?: string;
    }>;
    if (!readers || principal.type === 'service') return true;
    return readers.includes(principal.userEntityRef ?? '');
  };
  const catalog = new Proxy(base, {
    get(target, property) {
      if (property === 'getEntities') {
        return (async (request, { credentials }) => {
          const page = await target.getEntities(request, { credentials });
          return {
            items: page.items.filter(entity => mayRead(entity, credentials)),
          };
        }) as CatalogService['getEntities'];
      }
      if (property === 'getEntityByRef') {
        return (async (ref, { credentials }) => {
          const entity = await target.getEntityByRef(ref, { credentials });
          return entity && mayRead(entity, credentials) ? entity : undefined;
        }) as CatalogService['getEntityByRef'];
      }
      return Reflect.get(target, property);
    },
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}
