import type { AccessRequestStatus } from '../access/types';

/**
 * The signals channel on which the backend tells the people concerned that
 * an access request changed: its requester, its subject and its deciders.
 * The frontend refreshes the sidebar badge and the open lists on it.
 * @public
 */
export const ACCESS_REQUESTS_SIGNAL_CHANNEL = 'data-products:access-requests';

/**
 * What a signal on {@link ACCESS_REQUESTS_SIGNAL_CHANNEL} carries: which
 * request changed and how; never its content, which the lists read again
 * with the viewer's own credentials.
 * @public
 */
export type AccessRequestsSignal = {
  requestId: string;
  /** The change: `create`, an action (`approve`, `revoke`, …) or provisioning news. */
  change: string;
  status: AccessRequestStatus;
};
