import type {
  AccessRequestAction,
  AccessRequestStatus,
  ProvisioningState,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';

export const PROVISIONING = 'access_request_provisioning';

export type JobOperation = 'grant' | 'revoke';
type JobStatus =
  | 'pending'
  | 'running'
  | 'applied'
  | 'failed'
  | 'manual'
  /** A grant not yet started when a revoke came: never applied. */
  | 'superseded';

export type JobRow = {
  id: number;
  request_id: string;
  operation: JobOperation;
  server_type: string | null;
  server: string | null;
  status: JobStatus;
  attempts: number;
  // PostgreSQL returns bigint columns as strings.
  next_attempt_at: number | string;
  last_error: string | null;
  instructions: string | null;
  locked_by: string | null;
  locked_until: number | string | null;
  created_at: number | string;
  updated_at: number | string;
};

/** The job a transition calls for, if any: access starts or ends. */
export function operationFor(
  action: AccessRequestAction,
  fromStatus: AccessRequestStatus,
): JobOperation | undefined {
  if (action === 'approve') return 'grant';
  if (action === 'revoke') return 'revoke';
  if (action === 'expire' && fromStatus === 'approved') return 'revoke';
  return undefined;
}

/**
 * Writes the job a transition calls for, in the transition's transaction,
 * so that a transition never commits without it nor it without the
 * transition. A revoke supersedes a grant nobody has started yet: access
 * that was never applied needs no applying now (the revoke still runs, and
 * is harmless where nothing was granted).
 */
export async function enqueueProvisioning(
  tx: Knex.Transaction,
  requestId: string,
  operation: JobOperation,
  now: number,
): Promise<ProvisioningState> {
  if (operation === 'revoke') {
    await tx(PROVISIONING)
      .where({ request_id: requestId, operation: 'grant', status: 'pending' })
      .update({ status: 'superseded', updated_at: now });
  }
  const row = {
    request_id: requestId,
    operation,
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
  };
  await tx(PROVISIONING).insert(row);
  return stateOf({
    ...row,
    last_error: null,
    instructions: null,
  });
}

/**
 * The provisioning state of each request, from its latest job: one indexed
 * query for a whole page of requests.
 */
export async function provisioningOf(
  db: Knex,
  requestIds: string[],
): Promise<Map<string, ProvisioningState>> {
  const states = new Map<string, ProvisioningState>();
  if (requestIds.length === 0) return states;
  const rows: JobRow[] = await db(PROVISIONING)
    .whereIn('request_id', requestIds)
    .whereIn('id', latest =>
      latest
        .max('id')
        .from(PROVISIONING)
        .whereIn('request_id', requestIds)
        .groupBy('request_id'),
    );
  for (const row of rows) states.set(row.request_id, stateOf(row));
  return states;
}

/** A request's latest job, as `joinLatestJob` selects it (all null without one). */
export type LatestJobColumns = {
  job_operation: JobOperation | null;
  job_status: JobStatus | null;
  job_attempts: number | null;
  job_last_error: string | null;
  job_instructions: string | null;
  job_updated_at: number | string | null;
};

/**
 * Adds each request's latest job to a query over the requests table (named
 * `requests` in it): one probe of the request's jobs index per row, in the
 * same statement as the rows.
 */
export function joinLatestJob(
  db: Knex,
  query: Knex.QueryBuilder,
): Knex.QueryBuilder {
  return query
    .leftJoin(`${PROVISIONING} as latest_job`, join =>
      join.on(
        'latest_job.id',
        '=',
        db.raw('(select max(??) from ?? where ?? = ??)', [
          'id',
          PROVISIONING,
          'request_id',
          'requests.id',
        ]),
      ),
    )
    .select({
      job_operation: 'latest_job.operation',
      job_status: 'latest_job.status',
      job_attempts: 'latest_job.attempts',
      job_last_error: 'latest_job.last_error',
      job_instructions: 'latest_job.instructions',
      job_updated_at: 'latest_job.updated_at',
    });
}

/** The state of the job `joinLatestJob` found, if there was one. */
export function latestJobState(
  row: LatestJobColumns,
): ProvisioningState | undefined {
  if (!row.job_operation || !row.job_status) return undefined;
  return stateOf({
    operation: row.job_operation,
    status: row.job_status,
    attempts: Number(row.job_attempts),
    last_error: row.job_last_error,
    instructions: row.job_instructions,
    updated_at: row.job_updated_at ?? 0,
  });
}

/** The latest job of one request. */
export async function latestJob(
  db: Knex,
  requestId: string,
): Promise<JobRow | undefined> {
  return db<JobRow>(PROVISIONING)
    .where({ request_id: requestId })
    .orderBy('id', 'desc')
    .first();
}

/** What a job means to the people looking at the grant. */
export function stateOf(
  row: Pick<
    JobRow,
    | 'operation'
    | 'status'
    | 'attempts'
    | 'last_error'
    | 'instructions'
    | 'updated_at'
  >,
): ProvisioningState {
  const revoke = row.operation === 'revoke';
  const state = (
    {
      pending: revoke ? 'revoking' : 'pending',
      running: revoke ? 'revoking' : 'pending',
      applied: revoke ? 'revoked' : 'applied',
      failed: 'failed',
      manual: 'manual',
      // Only ever behind a revoke, so never the latest; read as never granted.
      superseded: 'revoked',
    } as const
  )[row.status];
  return {
    state,
    operation: row.operation,
    attempts: Number(row.attempts),
    ...(row.last_error && state !== 'applied' && state !== 'revoked'
      ? { error: row.last_error }
      : {}),
    ...(row.instructions && state === 'manual'
      ? { instructions: row.instructions }
      : {}),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
