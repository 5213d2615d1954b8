import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { ProvisioningJobs } from '../provisioning/ProvisioningJobs';
import { PROVISIONING } from '../provisioning/outbox';
import {
  AccessRequestStore,
  NewAccessRequest,
  SYSTEM_ACTOR,
} from './AccessRequestStore';

const WORKER = 'past-events';

/**
 * Writes a history of access requests through the store and the
 * provisioning outbox, each step at a time of the caller's choosing: the
 * demo's months of history and the tests of the Insights. The rows are the
 * ones the plugin writes itself; only the clock is set.
 */
export class PastEvents {
  private now = 0;
  private readonly store: AccessRequestStore;
  private readonly jobs: ProvisioningJobs;

  constructor(private readonly db: Knex) {
    this.store = new AccessRequestStore(db, () => this.now);
    this.jobs = new ProvisioningJobs(db);
  }

  /** The time the next steps happen at (epoch milliseconds). */
  at(time: number | Date): this {
    this.now = new Date(time).getTime();
    return this;
  }

  async create(
    input: NewAccessRequest,
    options: { automatic?: boolean } = {},
  ): Promise<AccessRequest> {
    const { request } = await this.store.create(input, {
      autoApproveBy: options.automatic ? SYSTEM_ACTOR : undefined,
    });
    return request;
  }

  async decide(
    id: string,
    action: 'approve' | 'reject',
    deciderRef: string,
    reason?: string,
  ): Promise<AccessRequest> {
    return this.store.transition({
      id,
      action,
      actorRef: deciderRef,
      patch: {
        decided_by: deciderRef,
        decided_at: this.now,
        decision_reason: reason ?? null,
        deciders_at_decision: JSON.stringify([deciderRef]),
      },
    });
  }

  async close(
    id: string,
    action: 'cancel' | 'revoke',
    actorRef: string,
    reason?: string,
  ): Promise<AccessRequest> {
    return this.store.transition({
      id,
      action,
      actorRef,
      patch: {
        closed_by: actorRef,
        closed_at: this.now,
        closing_reason: reason ?? null,
      },
    });
  }

  /** The sweeper's run at this time. */
  async expireDue(): Promise<number> {
    return this.store.expireDue(1000);
  }

  /** The worker applies every job that is due now, grants and revokes. */
  async applyDue(): Promise<number> {
    const due = await this.jobs.due(this.now, 1000);
    for (const id of due) {
      const claimed = await this.jobs.claim(
        id,
        WORKER,
        this.now,
        this.now + 60_000,
      );
      if (!claimed) continue;
      const request = await this.store.get(claimed.request_id);
      await this.jobs.finish(
        claimed,
        WORKER,
        { status: 'applied', serverType: 'demo', server: '{}' },
        this.now,
        request?.status ?? 'approved',
      );
    }
    return due.length;
  }

  /** The worker applies the request's waiting grant job now. */
  async provisioned(id: string): Promise<void> {
    const job = await this.db(PROVISIONING)
      .where({ request_id: id, operation: 'grant', status: 'pending' })
      .orderBy('id', 'desc')
      .first();
    if (!job) throw new Error(`No grant job waits for ${id}`);
    const claimed = await this.jobs.claim(
      job.id,
      WORKER,
      this.now,
      this.now + 60_000,
    );
    if (!claimed) throw new Error(`Grant job of ${id} could not be claimed`);
    await this.jobs.finish(
      claimed,
      WORKER,
      { status: 'applied', serverType: 'demo', server: '{}' },
      this.now,
      'approved',
    );
  }
}
