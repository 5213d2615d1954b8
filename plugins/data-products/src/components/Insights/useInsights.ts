import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductsApiRef } from '../../api/DataProductsApi';
import { InsightsFilter, toMetricsQuery } from './insightsFilter';

/** The figures of a filter by month (charts) and by product (table), fetched together. */
export function useInsights(filter: InsightsFilter) {
  const api = useApi(dataProductsApiRef);
  const { from, to, product, owner, domain, classification } = filter;
  return useAsyncRetry(async () => {
    const current = { from, to, product, owner, domain, classification };
    const [months, products] = await Promise.all([
      api.getMetrics(toMetricsQuery(current, 'month')),
      api.getMetrics(toMetricsQuery(current, 'product')),
    ]);
    return { months, products };
  }, [api, from, to, product, owner, domain, classification]);
}
