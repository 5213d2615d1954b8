import { AuthService, UrlReaderService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  getEntitySourceLocation,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { sourceForTarget } from './configSources';
import { AdrFileSource } from './types';

/** The annotation of the community ADR plugin, read the same way. */
export const ADR_LOCATION_ANNOTATION = 'backstage.io/adr-location';

/** An entity whose ADR location cannot be worked out: reported as a failing source. */
class UnresolvableSource implements AdrFileSource {
  readonly kind = 'entity' as const;
  constructor(
    readonly id: string,
    readonly target: string,
    readonly entityRef: string,
    private readonly error: Error,
  ) {}
  async readFiles(): Promise<never> {
    throw new Error(
      `cannot resolve ${ADR_LOCATION_ANNOTATION} "${this.target}": ${this.error.message}`,
    );
  }
}

/** One source per catalog entity that carries `backstage.io/adr-location`. */
export async function sourcesFromCatalog(options: {
  catalog: CatalogService;
  auth: AuthService;
  reader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
}): Promise<AdrFileSource[]> {
  const { items } = await options.catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ADR_LOCATION_ANNOTATION}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: ['kind', 'metadata'],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  return items.map(entity => sourceForEntity(entity, options));
}

function sourceForEntity(
  entity: Entity,
  options: { reader: UrlReaderService; integrations: ScmIntegrationRegistry },
): AdrFileSource {
  const entityRef = stringifyEntityRef(entity);
  const id = entityRef.toLocaleLowerCase('en-US').replace(/[:/]/g, '-');
  const annotation = entity.metadata.annotations![ADR_LOCATION_ANNOTATION];
  let target: string;
  try {
    target = resolveAdrLocation(entity, annotation, options.integrations);
  } catch (error) {
    return new UnresolvableSource(id, annotation, entityRef, error as Error);
  }
  return sourceForTarget(
    id,
    target,
    options.reader,
    options.integrations,
    'entity',
    entityRef,
  );
}

/**
 * Relative to the entity's source location (`backstage.io/source-location`,
 * else where it was registered), as the community ADR plugin does; an
 * absolute URL is used as it is.
 */
function resolveAdrLocation(
  entity: Entity,
  annotation: string,
  integrations: ScmIntegrationRegistry,
): string {
  const location = getEntitySourceLocation(entity);
  if (location.type === 'file') {
    return path.resolve(path.dirname(location.target), annotation);
  }
  return integrations.resolveUrl({ url: annotation, base: location.target });
}
