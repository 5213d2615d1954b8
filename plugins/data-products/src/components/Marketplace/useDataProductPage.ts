import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
} from '@datamesh-governance/plugin-data-products-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  MarketplaceFilters,
  textSearchFields,
  toCatalogQuery,
} from './marketplaceFilters';

const PAGE_SIZE = 12;

/** Only what a card shows: no annotations, links or relations. */
const fields = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.domain',
  'spec.outputPorts',
];

/**
 * One page of data products matching the filters, filtered, searched and
 * paged by the catalog. Changing the filters goes back to the first page.
 */
export function useDataProductPage(filters: MarketplaceFilters) {
  const catalogApi = useApi(catalogApiRef);
  const query = useMemo(() => toCatalogQuery(filters), [filters]);
  const text = filters.text.trim();
  const key = JSON.stringify([query, text]);
  const [position, setPosition] = useState<{ key: string; cursor?: string }>({
    key,
  });
  const cursor = position.key === key ? position.cursor : undefined;

  const state = useAsyncRetry(async () => {
    const response = cursor
      ? await catalogApi.queryEntities({ cursor, limit: PAGE_SIZE, fields })
      : await catalogApi.queryEntities({
          query,
          fullTextFilter: text
            ? { term: text, fields: textSearchFields }
            : undefined,
          orderFields: { field: 'metadata.name', order: 'asc' },
          limit: PAGE_SIZE,
          fields,
        });
    return {
      items: response.items.filter(isDataProductEntity),
      totalItems: response.totalItems,
      nextCursor: response.pageInfo.nextCursor,
      prevCursor: response.pageInfo.prevCursor,
    };
    // `key` stands for query and text
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key, cursor]);

  const goTo = (to: string | undefined) => setPosition({ key, cursor: to });
  return {
    loading: state.loading,
    error: state.error,
    retry: state.retry,
    items: (state.value?.items ?? []) as DataProductEntityV1alpha1[],
    totalItems: state.value?.totalItems ?? 0,
    next: state.value?.nextCursor
      ? () => goTo(state.value?.nextCursor)
      : undefined,
    previous: state.value?.prevCursor
      ? () => goTo(state.value?.prevCursor)
      : undefined,
  };
}
