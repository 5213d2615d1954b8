import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isDataProductEntity,
  normalizeEntityRef,
} from '@datamesh-governance/plugin-data-products-common';
import { MetricsScope } from '../database/metricsSql';

/** The catalog filters of `GET /metrics`, as refs already normalised. */
export type ProductFilters = {
  entityRef?: string;
  owner?: string;
  domain?: string;
  classification?: string;
};

const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.owner',
  'spec.domain',
  'spec.outputPorts',
  'relations',
];

/**
 * Turns the Insights' catalog filters (owner group, domain, a port's
 * classification) into the data products and ports they mean, and maps
 * products to their owner groups, reading the catalog on behalf of the
 * caller: a product the caller cannot see is neither filtered nor named.
 */
export class InsightsProducts {
  constructor(private readonly catalog: CatalogService) {}

  async resolve(
    filters: ProductFilters,
    groupByOwner: boolean,
    credentials: BackstageCredentials,
  ): Promise<{ scope?: MetricsScope; ownerOf?: Map<string, string> }> {
    const { entityRef, owner, domain, classification } = filters;
    const catalogFilter = Boolean(owner || domain || classification);
    if (!catalogFilter && !groupByOwner) {
      return entityRef ? { scope: { products: [{ entityRef }] } } : {};
    }
    const products: MetricsScope['products'] = [];
    const ownerOf = new Map<string, string>();
    for await (const product of this.products(credentials)) {
      const ref = normalizeEntityRef({
        kind: product.kind,
        namespace: product.metadata.namespace,
        name: product.metadata.name,
      });
      const owners = ownersOf(product);
      if (owners[0]) ownerOf.set(ref, owners[0]);
      if (entityRef && ref !== entityRef) continue;
      if (owner && !owners.includes(owner)) continue;
      if (domain && domainOf(product) !== domain) continue;
      if (classification) {
        const matching = (product.spec.outputPorts ?? [])
          .filter(port => port.classification === classification)
          .map(port => port.name);
        if (matching.length === 0) continue;
        products.push({ entityRef: ref, outputPorts: matching });
      } else {
        products.push({ entityRef: ref });
      }
    }
    const scope = catalogFilter || entityRef ? { products } : undefined;
    return { scope, ownerOf: groupByOwner ? ownerOf : undefined };
  }

  private async *products(credentials: BackstageCredentials) {
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: 500 }
          : { filter: { kind: 'DataProduct' }, fields: FIELDS, limit: 500 },
        { credentials },
      );
      for (const entity of page.items) {
        if (isDataProductEntity(entity)) yield entity;
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }
}

function ownersOf(product: Entity): string[] {
  const related = (product.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => normalizeEntityRef(r.targetRef));
  if (related.length > 0) return related;
  const spec = product.spec?.owner;
  return typeof spec === 'string'
    ? [
        normalizeEntityRef(spec, {
          defaultKind: 'group',
          defaultNamespace: product.metadata.namespace,
        }),
      ]
    : [];
}

function domainOf(product: Entity): string | undefined {
  const domain = product.spec?.domain;
  if (typeof domain !== 'string') return undefined;
  try {
    return normalizeEntityRef(domain, {
      defaultKind: 'domain',
      defaultNamespace: product.metadata.namespace,
    });
  } catch {
    return undefined;
  }
}
