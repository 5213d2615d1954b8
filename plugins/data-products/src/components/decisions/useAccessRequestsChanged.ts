import {
  ACCESS_REQUESTS_SIGNAL_CHANNEL,
  AccessRequestsSignal,
} from '@datamesh-governance/plugin-data-products-common';
import { useSignal } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';

/** A bulk decision sends a signal per request: one refresh for the lot. */
const COALESCE_MS = 300;

/**
 * Calls `onChange` when the backend signals that an access request of the
 * signed-in user changed (as requester, subject or decider), once per burst
 * of signals. `live` is false where the app has no signals API: callers
 * then fall back to refreshing on their own.
 */
export function useAccessRequestsChanged(onChange: () => void): {
  live: boolean;
} {
  const { lastSignal, isSignalsAvailable } = useSignal<AccessRequestsSignal>(
    ACCESS_REQUESTS_SIGNAL_CHANNEL,
  );
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (!lastSignal) return undefined;
    const timer = setTimeout(() => latest.current(), COALESCE_MS);
    return () => clearTimeout(timer);
  }, [lastSignal]);

  return { live: isSignalsAvailable };
}
