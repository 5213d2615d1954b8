import type { Page } from '@datamesh-governance/plugin-data-products-common';
import { useCallback, useEffect, useRef, useState } from 'react';

type State<T> = {
  items: T[];
  nextCursor?: string;
  loading: boolean;
  error?: Error;
};

/** A keyset list and what can be done with it. */
export type KeysetList<T> = State<T> & {
  loadMore: () => void;
  reload: () => void;
};

/**
 * A keyset-paginated list: loads the first page whenever `load` changes
 * (memoise it on its query), appends the next page on `loadMore`, and starts
 * over on `reload`. Answers to superseded queries are dropped.
 */
export function useKeysetList<T>(
  load: (cursor?: string) => Promise<Page<T>>,
): KeysetList<T> {
  const [state, setState] = useState<State<T>>({ items: [], loading: true });
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | undefined, previous: T[]) => {
      const mine = (generation.current += 1);
      setState(s => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await load(cursor);
        if (mine !== generation.current) return;
        setState({
          items: [...previous, ...page.items],
          nextCursor: page.nextCursor,
          loading: false,
        });
      } catch (error) {
        if (mine !== generation.current) return;
        setState(s => ({ ...s, loading: false, error: error as Error }));
      }
    },
    [load],
  );

  useEffect(() => {
    fetchPage(undefined, []);
  }, [fetchPage]);

  const { items, nextCursor } = state;
  const loadMore = useCallback(() => {
    if (nextCursor) fetchPage(nextCursor, items);
  }, [fetchPage, nextCursor, items]);
  const reload = useCallback(() => fetchPage(undefined, []), [fetchPage]);

  return { ...state, loadMore, reload };
}
