import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';
import useAsync from 'react-use/esm/useAsync';
import type { ListFacet } from './marketplaceFilters';

/** The facets whose values come from the catalog, and the field behind each. */
const catalogFacetFields = {
  domain: 'spec.domain',
  owner: 'spec.owner',
  portType: 'spec.outputPorts.type',
  classification: 'spec.outputPorts.classification',
  lifecycle: 'spec.lifecycle',
} as const satisfies Partial<Record<ListFacet, string>>;

export type CatalogFacet = keyof typeof catalogFacetFields;
export type FacetValue = { value: string; count: number };

/**
 * The values each facet can take across all data products, with how many
 * products have each: one aggregate query, however many products there are.
 */
export function useDataProductFacets() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { facets } = await catalogApi.getEntityFacets({
      filter: { kind: DATA_PRODUCT_KIND },
      facets: Object.values(catalogFacetFields),
    });
    const valuesOf = (field: string): FacetValue[] =>
      [...(facets[field] ?? [])].sort((a, b) => a.value.localeCompare(b.value));
    return Object.fromEntries(
      Object.entries(catalogFacetFields).map(([facet, field]) => [
        facet,
        valuesOf(field),
      ]),
    ) as Record<CatalogFacet, FacetValue[]>;
  }, [catalogApi]);
}
