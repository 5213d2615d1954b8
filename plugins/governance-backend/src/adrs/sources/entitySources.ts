import { AuthService, UrlReaderService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  getEntitySourceLocation,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  ANNOTATION_ADR_LOCATION,
  getAdrLocationUrl,
  isAdrAvailable,
} from '@backstage/plugin-adr-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AdrFileSource } from './types';
import { UrlTreeSource } from './UrlTreeSource';

/**
 * An entity whose ADR location is refused or cannot be worked out: reported
 * as a failing source with no target, since nothing is read. The annotation
 * is not echoed: it may name a path on this server.
 */
class RefusedSource implements AdrFileSource {
  readonly kind = 'entity' as const;
  readonly trust = 'team' as const;
  readonly target = '';
  constructor(
    readonly id: string,
    readonly entityRef: string,
    private readonly reason: string,
  ) {}
  async readFiles(): Promise<never> {
    throw new Error(`${ANNOTATION_ADR_LOCATION} is not read: ${this.reason}`);
  }
}

/**
 * One source per catalog entity that carries `backstage.io/adr-location`.
 * Entities are anyone's to register, so their sources are the team's
 * (never policy) and are read through the UrlReaderService only.
 */
export async function sourcesFromCatalog(options: {
  catalog: CatalogService;
  auth: AuthService;
  reader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
}): Promise<AdrFileSource[]> {
  const { items } = await options.catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ANNOTATION_ADR_LOCATION}`]:
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
  const resolved = resolveAdrLocation(entity, options.integrations);
  if (!resolved.ok) {
    return new RefusedSource(id, entityRef, resolved.reason);
  }
  return new UrlTreeSource({
    id,
    target: resolved.url,
    reader: options.reader,
    integrations: options.integrations,
    kind: 'entity',
    trust: 'team',
    entityRef,
  });
}

/**
 * Resolved by the community ADR plugin's own helper (relative to the
 * entity's source location — `backstage.io/source-location`, else where it
 * was registered — and an absolute URL as it is), inside our checks: the
 * entity must have been registered from a URL, and the result must be an
 * http(s) URL of a configured integration. An entity registered from a local
 * file, a `file:` URL or any other scheme is refused, so that an annotation
 * never reaches the backend's disk. Reasons never name server paths.
 */
function resolveAdrLocation(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): { ok: true; url: string } | { ok: false; reason: string } {
  if (!isAdrAvailable(entity)) {
    return { ok: false, reason: 'the annotation is empty' };
  }
  let location;
  try {
    location = getEntitySourceLocation(entity);
  } catch {
    return { ok: false, reason: 'the entity has no source location' };
  }
  if (location.type !== 'url') {
    return {
      ok: false,
      reason: `the entity was registered from a "${location.type}" location; ADRs of entities are read from repository URLs only`,
    };
  }
  let url: URL;
  try {
    // adr-common 0.2 is typed against @backstage/integration 1.x; it only
    // calls resolveUrl, which 2.x has unchanged.
    const resolver = integrations as unknown as Parameters<
      typeof getAdrLocationUrl
    >[1];
    url = new URL(getAdrLocationUrl(entity, resolver));
  } catch {
    return { ok: false, reason: 'it does not resolve to a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: `"${url.protocol}" locations are not read for entities; only repository URLs are`,
    };
  }
  if (!integrations.byUrl(url.href)) {
    return {
      ok: false,
      reason: `no integration is configured for ${url.host}`,
    };
  }
  return { ok: true, url: url.href };
}
