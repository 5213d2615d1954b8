import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { ACCESS_REQUESTS_CHANGED_EVENT, dataProductsApiRef } from '../../api';

/** The most the badge counts; beyond it shows "99+". */
export const PENDING_COUNT_LIMIT = 100;
const REFRESH_MS = 60_000;

/**
 * How many pending requests wait for the signed-in user's decision, counted
 * from one page of at most 100; `more` when that page was full. Refreshed
 * every minute, when the window regains focus, and at once when this page
 * creates or decides a request. A failure leaves the
 * count unknown (undefined) and is logged: the sidebar must never break.
 */
export function usePendingDecisionCount() {
  const api = useApi(dataProductsApiRef);
  const [count, setCount] = useState<{ value: number; more: boolean }>();

  const refresh = useCallback(async () => {
    try {
      const page = await api.listRequests({
        role: 'approver',
        status: 'pending',
        limit: PENDING_COUNT_LIMIT,
      });
      setCount({
        value: page.items.length,
        more: Boolean(page.nextCursor),
      });
    } catch (error) {
      // eslint-disable-next-line no-console
      console.warn('Could not count access requests waiting for you', error);
      setCount(undefined);
    }
  }, [api]);

  useEffect(() => {
    let active = true;
    const run = () => {
      if (active) refresh();
    };
    run();
    const timer = setInterval(run, REFRESH_MS);
    window.addEventListener('focus', run);
    window.addEventListener(ACCESS_REQUESTS_CHANGED_EVENT, run);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener('focus', run);
      window.removeEventListener(ACCESS_REQUESTS_CHANGED_EVENT, run);
    };
  }, [refresh]);

  return count;
}
