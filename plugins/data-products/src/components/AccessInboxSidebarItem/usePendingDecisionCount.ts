import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { ACCESS_REQUESTS_CHANGED_EVENT, dataProductsApiRef } from '../../api';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';

/** Only where the app has no signals: a slow poll keeps the badge honest. */
const FALLBACK_REFRESH_MS = 5 * 60_000;

/**
 * How many pending requests wait for the signed-in user's decision, as the
 * backend counts them from its index (up to 100; `more` beyond). Refreshed
 * when the backend signals a change to one of the user's requests, and when
 * the window regains focus. Without signals it falls back to polling every
 * five minutes and to this page's own changes. A failure leaves the count
 * unknown (undefined) and is logged: the sidebar must never break.
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

  const { live } = useAccessRequestsChanged(refresh);

  useEffect(() => {
    let active = true;
    const run = () => {
      if (active) refresh();
    };
    run();
    window.addEventListener('focus', run);
    if (live) {
      return () => {
        active = false;
        window.removeEventListener('focus', run);
      };
    }
    const timer = setInterval(run, FALLBACK_REFRESH_MS);
    window.addEventListener(ACCESS_REQUESTS_CHANGED_EVENT, run);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener('focus', run);
      window.removeEventListener(ACCESS_REQUESTS_CHANGED_EVENT, run);
    };
  }, [refresh, live]);

  return count;
}
