import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import type { AccessRequestListener } from '../service/changes';
import { noticesFor } from './notices';

/** Sends each change's notifications through Backstage's notifications service. */
export function notifyChanges(
  notifications: NotificationService,
  store: Pick<AccessRequestStore, 'getDeciders'>,
): AccessRequestListener {
  return async change => {
    const needsDeciders =
      change.kind === 'create' || change.kind === 'provisioning-failed';
    const deciders = needsDeciders
      ? await store.getDeciders(change.request.id)
      : [];
    for (const notice of noticesFor(change, deciders)) {
      await notifications.send(notice);
    }
  };
}
