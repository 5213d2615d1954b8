import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AccessRequest,
  AccessRequestAction,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * Something that happened to an access request, told after its transaction
 * committed: `create` (the request may already be approved, for automatic
 * ports), a transition, or news from provisioning.
 */
export type AccessRequestChange = {
  kind: 'create' | AccessRequestAction | 'provisioned' | 'provisioning-failed';
  request: AccessRequest;
  /** Who made it happen; the plugin itself for expiry and automatic approval. */
  actorRef: string;
  /** For `provisioning-failed`: why, as the provisioner said. */
  error?: string;
};

/** Reacts to changes: notifications, signals, catalog refreshes. */
export type AccessRequestListener = (
  change: AccessRequestChange,
) => Promise<void>;

/**
 * Tells every listener about a change. A listener that fails is logged and
 * never undoes or fails the change: it has committed already.
 */
export class AccessRequestChanges {
  private readonly listeners: AccessRequestListener[] = [];

  constructor(private readonly logger?: LoggerService) {}

  listen(listener: AccessRequestListener) {
    this.listeners.push(listener);
  }

  async tell(change: AccessRequestChange): Promise<void> {
    await Promise.all(
      this.listeners.map(listener =>
        listener(change).catch(error =>
          this.logger?.warn(
            `Reacting to ${change.kind} of access request ${change.request.id} failed`,
            error,
          ),
        ),
      ),
    );
  }
}
