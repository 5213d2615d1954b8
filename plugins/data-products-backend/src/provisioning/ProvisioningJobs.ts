import type {
  AccessRequestStatus,
  ProvisioningAuditAction,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { SYSTEM_ACTOR } from '../database/AccessRequestStore';
import { JobRow, PROVISIONING } from './outbox';

const AUDIT = 'access_request_audit';

/** How a job ends, or waits for its next attempt. */
export type JobOutcome =
  | { status: 'applied'; serverType: string; server: string }
  | { status: 'manual'; serverType: string | null; instructions: string }
  | { status: 'superseded' }
  | { status: 'failed'; error: string; serverType: string | null }
  | {
      status: 'pending';
      error: string;
      serverType: string | null;
      nextAttemptAt: number;
    };

/**
 * The worker's side of the outbox. A job is claimed with a conditional
 * UPDATE whose row count decides, so that on several replicas each job is
 * worked by one worker at a time; the lease (locked_until) lets another
 * replica take over a job whose worker died.
 */
export class ProvisioningJobs {
  constructor(private readonly db: Knex) {}

  /**
   * Ids of jobs that are due, oldest first. A job waits while an earlier
   * job of the same request is still open, so that a revoke never overtakes
   * its grant.
   */
  async due(now: number, limit: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.db(`${PROVISIONING} as j`)
      .where(claimable(now, 'j'))
      .whereNotExists(earlier =>
        earlier
          .select(this.db.raw('1'))
          .from(`${PROVISIONING} as e`)
          .whereRaw('e.request_id = j.request_id')
          .whereRaw('e.id < j.id')
          .whereIn('e.status', ['pending', 'running']),
      )
      .orderBy([
        { column: 'j.next_attempt_at', order: 'asc' },
        { column: 'j.id', order: 'asc' },
      ])
      .limit(limit)
      .select('j.id as id');
    return rows.map(row => Number(row.id));
  }

  /** Takes a job for `workerId` until `leaseUntil`; undefined when another worker has it. */
  async claim(
    id: number,
    workerId: string,
    now: number,
    leaseUntil: number,
  ): Promise<JobRow | undefined> {
    const [claimed]: JobRow[] = await this.db(PROVISIONING)
      .where({ id })
      .where(claimable(now))
      .update(
        {
          status: 'running',
          locked_by: workerId,
          locked_until: leaseUntil,
          attempts: this.db.raw('attempts + 1'),
          updated_at: now,
        },
        '*',
      );
    return claimed;
  }

  /** The server block a request's last applied grant went to, if any. */
  async lastGrantedServer(
    requestId: string,
  ): Promise<Record<string, unknown> | undefined> {
    const row = await this.db<JobRow>(PROVISIONING)
      .where({ request_id: requestId, operation: 'grant', status: 'applied' })
      .whereNotNull('server')
      .orderBy('id', 'desc')
      .first();
    return row?.server ? JSON.parse(row.server) : undefined;
  }

  /**
   * Records how a claimed job went, with its audit row, in one transaction.
   * False when the worker had lost the job (its lease ran out and another
   * worker took it): then nothing is written.
   */
  async finish(
    job: JobRow,
    workerId: string,
    outcome: JobOutcome,
    now: number,
    requestStatus: AccessRequestStatus,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const patch: Record<string, unknown> = {
        status: outcome.status,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      };
      if ('serverType' in outcome) patch.server_type = outcome.serverType;
      if (outcome.status === 'applied') {
        patch.server = outcome.server;
        patch.last_error = null;
      }
      if (outcome.status === 'manual') {
        patch.instructions = outcome.instructions;
      }
      if (outcome.status === 'failed' || outcome.status === 'pending') {
        patch.last_error = outcome.error;
      }
      if (outcome.status === 'pending') {
        patch.next_attempt_at = outcome.nextAttemptAt;
      }
      const updated = await tx(PROVISIONING)
        .where({ id: job.id, status: 'running', locked_by: workerId })
        .update(patch);
      if (updated !== 1) return false;
      const action = auditActionOf(job, outcome);
      if (action) {
        await tx(AUDIT).insert({
          request_id: job.request_id,
          action,
          actor_ref: SYSTEM_ACTOR,
          from_status: requestStatus,
          to_status: requestStatus,
          at: now,
        });
      }
      return true;
    });
  }
}

/** The audit row an outcome leaves: applied, taken back, or failed for good. */
function auditActionOf(
  job: Pick<JobRow, 'operation'>,
  outcome: Pick<JobOutcome, 'status'>,
): ProvisioningAuditAction | undefined {
  if (outcome.status === 'applied') {
    return job.operation === 'grant' ? 'provision' : 'unprovision';
  }
  if (outcome.status === 'failed') return 'provision-fail';
  return undefined;
}

/** Due and waiting, or running on a lease that has run out. */
function claimable(now: number, alias?: string) {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return (q: Knex.QueryBuilder) =>
    q
      .where(due =>
        due
          .where(column('status'), 'pending')
          .where(column('next_attempt_at'), '<=', now),
      )
      .orWhere(stale =>
        stale
          .where(column('status'), 'running')
          .where(column('locked_until'), '<', now),
      );
}
