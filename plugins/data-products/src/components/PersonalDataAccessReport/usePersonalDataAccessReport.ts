import { useApi } from '@backstage/core-plugin-api';
import type { PersonalDataAccessReport } from '@datamesh-governance/plugin-data-products-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { dataProductsApiRef } from '../../api/DataProductsApi';

type State = {
  report?: PersonalDataAccessReport;
  loading: boolean;
  error?: Error;
};

/**
 * The report at a date (undefined: now), page by page: `loadMore` appends
 * the next page's grants. Answers for a date no longer asked for are dropped.
 */
export function usePersonalDataAccessReport(at: string | undefined) {
  const api = useApi(dataProductsApiRef);
  const [state, setState] = useState<State>({ loading: true });
  const generation = useRef(0);

  const load = useCallback(
    async (cursor?: string, previous?: PersonalDataAccessReport) => {
      const mine = (generation.current += 1);
      setState(s => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await api.getPersonalDataAccessReport({ at, cursor });
        if (mine !== generation.current) return;
        setState({
          loading: false,
          report: previous
            ? {
                ...previous,
                items: [...previous.items, ...page.items],
                nextCursor: page.nextCursor,
              }
            : page,
        });
      } catch (error) {
        if (mine !== generation.current) return;
        setState(s => ({ ...s, loading: false, error: error as Error }));
      }
    },
    [api, at],
  );

  useEffect(() => {
    setState({ loading: true });
    load();
  }, [load]);

  const { report } = state;
  const loadMore = useCallback(() => {
    if (report?.nextCursor) load(report.nextCursor, report);
  }, [load, report]);

  return { ...state, loadMore };
}
