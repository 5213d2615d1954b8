import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  ACCESS_REQUESTS_SIGNAL_CHANNEL,
  AccessRequestsSignal,
} from '@datamesh-governance/plugin-data-products-common';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import type { AccessRequestListener } from '../service/changes';

/**
 * Signals every change to the people whose badge or lists it touches: the
 * requester, the subject (a user or a group; signals reach a group's
 * members) and the deciders. The signal names the request only; the
 * frontend reads it again with the viewer's credentials.
 */
export function signalChanges(
  signals: SignalsService,
  store: Pick<AccessRequestStore, 'getDeciders'>,
): AccessRequestListener {
  return async ({ kind, request }) => {
    const deciders = await store.getDeciders(request.id);
    const recipients = [
      ...new Set([request.requesterRef, request.subjectRef, ...deciders]),
    ];
    await signals.publish<AccessRequestsSignal>({
      recipients: { type: 'user', entityRef: recipients },
      channel: ACCESS_REQUESTS_SIGNAL_CHANNEL,
      message: { requestId: request.id, change: kind, status: request.status },
    });
  };
}
