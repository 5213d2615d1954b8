import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CatalogFacet,
  catalogFacetFields,
  facetCountQueries,
} from './facetCounts';
import type { MarketplaceFilters } from './marketplaceFilters';

export type FacetValue = { value: string; count: number };

/**
 * The values each facet can take among the data products the other facets
 * leave, with how many products have each: aggregate queries in the catalog,
 * one plus one per facet in use, however many products there are.
 */
export function useDataProductFacets(filters: MarketplaceFilters) {
  const catalogApi = useApi(catalogApiRef);
  const groups = useMemo(() => facetCountQueries(filters), [filters]);
  const key = JSON.stringify(groups);
  return useAsync(async () => {
    const answers = await Promise.all(
      groups.map(group =>
        catalogApi.getEntityFacets({
          query: group.query,
          facets: group.facets.map(f => catalogFacetFields[f]),
        }),
      ),
    );
    const values: Partial<Record<CatalogFacet, FacetValue[]>> = {};
    groups.forEach((group, i) => {
      for (const facet of group.facets) {
        values[facet] = [
          ...(answers[i].facets[catalogFacetFields[facet]] ?? []),
        ].sort((a, b) => a.value.localeCompare(b.value));
      }
    });
    return values as Record<CatalogFacet, FacetValue[]>;
    // `key` stands for the groups
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);
}
