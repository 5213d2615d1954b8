import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DeferredEffects } from './AccessRequestService';

/**
 * Runs listeners' work (notifications, signals, catalog refreshes) after the
 * decider has their answer: the decisions have committed, and an owner who
 * approves a hundred requests should not wait for a hundred notifications.
 * Remembers what is still running, so that shutdown can wait for it.
 */
export class BackgroundEffects {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger?: LoggerService) {}

  start(effects: DeferredEffects): void {
    if (effects.length === 0) return;
    const run = Promise.all(effects.map(tell => tell())).then(
      () => undefined,
      // Listeners log their own failures; this is for anything else.
      error => this.logger?.error(`Telling of decisions failed: ${error}`),
    );
    this.running.add(run);
    run.finally(() => this.running.delete(run));
  }

  /** Resolves once everything started so far, or while waiting, is done. */
  async settled(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }
}
