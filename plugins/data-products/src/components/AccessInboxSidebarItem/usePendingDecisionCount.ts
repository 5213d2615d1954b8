import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { ACCESS_REQUESTS_CHANGED_EVENT, dataProductsApiRef } from '../../api';

const REFRESH_MS = 60_000;

/**
 * How many pending requests wait for the signed-in user's decision, as the
 * backend counts them from its index (up to 100; `more` beyond). Refreshed
 * every minute, when the window regains focus, and at once when this page
 * creates or decides a request. A failure leaves the
 * count unknown (undefined) and is logged: the sidebar must never break.
 */
export function usePendingDecisionCount() {
  const api = useApi(dataProductsApiRef);
  const [count, setCount] = useState<{ value: number; more: boolean }>();

  const refresh = useCallback(async () => {
    try {
      const { count: value, more } = await api.countRequests({
        role: 'approver',
        status: 'pending',
      });
      setCount({ value, more });
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
