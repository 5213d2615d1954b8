import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';

/**
 * The notifications service as the plugin sees it (the boundary), keeping
 * what was sent; `failNext` makes the next send throw, as an unreachable
 * notifications backend would.
 */
export class NotificationRecorder implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  private failures = 0;

  failNext(times = 1) {
    this.failures = times;
  }

  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('notifications backend unreachable');
    }
    this.sent.push(options);
  }

  /** Who each notification went to and its title, in order. */
  summary() {
    return this.sent.map(n => ({
      to: n.recipients.type === 'entity' ? n.recipients.entityRef : 'broadcast',
      title: n.payload.title,
    }));
  }
}
