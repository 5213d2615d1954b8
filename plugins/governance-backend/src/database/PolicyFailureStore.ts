import { Knex } from 'knex';

const FAILURES = 'governance_policy_failures';

/** One data product failing one enforced policy, and since when. */
export type PolicyFailure = {
  policyId: string;
  entityRef: string;
  failingSince: number;
  notifiedAt?: number;
};

type FailureRow = {
  policy_id: string;
  entity_ref: string;
  failing_since: number | string;
  checked_at: number | string;
  notified_at: number | string | null;
};

/**
 * Which data products fail which enforced policies since when, as the
 * sweep last saw them. A failure keeps its `failingSince` across sweeps
 * while it lasts; once the product passes, its row goes, so failing again
 * starts afresh.
 */
export class PolicyFailureStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Records what one sweep page saw: `failing` pairs are kept (or added,
   * failing since `now`) and every other row of the page's entities goes.
   */
  async recordPage(
    entityRefs: string[],
    failing: Array<{ policyId: string; entityRef: string }>,
    now: number,
  ): Promise<void> {
    await this.knex.transaction(async trx => {
      if (failing.length > 0) {
        await trx(FAILURES)
          .insert(
            failing.map(f => ({
              policy_id: f.policyId,
              entity_ref: f.entityRef,
              failing_since: now,
              checked_at: now,
            })),
          )
          .onConflict(['policy_id', 'entity_ref'])
          .merge(['checked_at']);
      }
      if (entityRefs.length > 0) {
        await trx(FAILURES)
          .whereIn('entity_ref', entityRefs)
          .where('checked_at', '<', now)
          .delete();
      }
    });
  }

  /** After a complete sweep: failures of products or policies it no longer saw. */
  async removeUnseenSince(sweepStart: number): Promise<number> {
    return this.knex(FAILURES).where('checked_at', '<', sweepStart).delete();
  }

  /** The failures of these entities whose owners were not told yet. */
  async unnotified(entityRefs: string[]): Promise<PolicyFailure[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.knex<FailureRow>(FAILURES)
      .whereIn('entity_ref', entityRefs)
      .whereNull('notified_at');
    return rows.map(toFailure);
  }

  /**
   * Claims telling the owners of this failure (once per failing since):
   * true for the one caller whose conditional update wins.
   */
  async claimNotice(failure: PolicyFailure, now: number): Promise<boolean> {
    const updated = await this.knex(FAILURES)
      .where({
        policy_id: failure.policyId,
        entity_ref: failure.entityRef,
        failing_since: failure.failingSince,
      })
      .whereNull('notified_at')
      .update({ notified_at: now });
    return updated === 1;
  }

  /** Sending failed: the next sweep tries again. */
  async releaseNotice(failure: PolicyFailure, claimedAt: number) {
    await this.knex(FAILURES)
      .where({
        policy_id: failure.policyId,
        entity_ref: failure.entityRef,
        notified_at: claimedAt,
      })
      .update({ notified_at: null });
  }

  /** Since when one entity fails each policy it fails. */
  async failingSince(entityRef: string): Promise<Map<string, number>> {
    const rows = await this.knex<FailureRow>(FAILURES)
      .where({ entity_ref: entityRef })
      .select('policy_id', 'failing_since');
    return new Map(rows.map(r => [r.policy_id, Number(r.failing_since)]));
  }
}

function toFailure(row: FailureRow): PolicyFailure {
  return {
    policyId: row.policy_id,
    entityRef: row.entity_ref,
    failingSince: Number(row.failing_since),
    ...(row.notified_at !== null && { notifiedAt: Number(row.notified_at) }),
  };
}
