import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  MarketplaceFilters,
} from './marketplaceFilters';

/**
 * The filters, read from and written to the URL query, so a reload keeps
 * them and the back button undoes a change. Typing replaces the entry
 * instead of adding one per keystroke.
 */
export function useMarketplaceFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(
    () => filtersFromSearchParams(searchParams),
    [searchParams],
  );
  const setFilters = useCallback(
    (next: MarketplaceFilters, options?: { replace?: boolean }) =>
      setSearchParams(filtersToSearchParams(next), {
        replace: options?.replace,
      }),
    [setSearchParams],
  );
  return { filters, setFilters };
}
