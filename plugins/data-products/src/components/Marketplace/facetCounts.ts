import type { FilterPredicate } from '@backstage/filter-predicates';
import {
  emptyFilters,
  ListFacet,
  MarketplaceFilters,
  toCatalogQuery,
} from './marketplaceFilters';

/** The facets whose values come from the catalog, and the field behind each. */
export const catalogFacetFields = {
  domain: 'spec.domain',
  owner: 'spec.owner',
  portType: 'spec.outputPorts.type',
  classification: 'spec.outputPorts.classification',
  lifecycle: 'spec.lifecycle',
} as const satisfies Partial<Record<ListFacet, string>>;

export type CatalogFacet = keyof typeof catalogFacetFields;

/**
 * The catalog queries that count each facet's values: a facet counts the
 * products that match all the other facets, and not itself, so that its own
 * alternatives stay on offer while the rest narrow it. Facets that end up
 * with the same query share one. The text search is not applied: the
 * catalog's facet counts take no full-text filter.
 */
export function facetCountQueries(
  filters: MarketplaceFilters,
): Array<{ query: FilterPredicate; facets: CatalogFacet[] }> {
  const byQuery = new Map<
    string,
    { query: FilterPredicate; facets: CatalogFacet[] }
  >();
  for (const facet of Object.keys(catalogFacetFields) as CatalogFacet[]) {
    const query = toCatalogQuery({
      ...filters,
      text: emptyFilters.text,
      [facet]: [],
    });
    const key = JSON.stringify(query);
    const group = byQuery.get(key) ?? { query, facets: [] };
    group.facets.push(facet);
    byQuery.set(key, group);
  }
  return [...byQuery.values()];
}
