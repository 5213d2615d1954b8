import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AccessRequest,
  AccessRequestAction,
  AccessRequestAuditEntry,
  AccessRequestStatus,
  nextStatus,
  Page,
  ProvisioningState,
  statusesAllowing,
} from '@datamesh-governance/plugin-data-products-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { AccessRequestFilter } from '@datamesh-governance/plugin-data-products-node';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { isUniqueViolation } from './errors';
import { findPage, ListFilter, PageRow, Viewer } from './listQuery';
import {
  AccessRequestRow,
  AuditRow,
  REQUEST_COLUMNS,
  rowToAuditEntry,
  rowToRequest,
} from './rows';
import {
  enqueueProvisioning,
  joinLatestJob,
  latestJob,
  LatestJobColumns,
  latestJobState,
  operationFor,
  provisioningOf,
  PROVISIONING,
  stateOf,
} from '../provisioning/outbox';
import {
  syncPortDeciders,
  updateViewers,
  viewerRowsOf,
  VIEWERS,
} from './viewers';

export type { Viewer } from './listQuery';

const REQUESTS = 'access_requests';
const AUDIT = 'access_request_audit';
const IDEMPOTENCY = 'access_request_idempotency';
const OPEN: AccessRequestStatus[] = ['pending', 'approved'];

/** The actor of transitions the plugin makes by itself (expiry, auto-approval). */
export const SYSTEM_ACTOR = 'plugin:data-products';

/** The fields a new request is made of; the store adds id, status and times. */
export type NewAccessRequest = Pick<
  AccessRequest,
  | 'entityRef'
  | 'outputPort'
  | 'subjectRef'
  | 'requesterRef'
  | 'purpose'
  | 'legalBasis'
  | 'approvalMode'
  | 'endsAt'
> & {
  /** Owners and approvers of the port, for the approver queue. */
  deciders: string[];
  /** Where it was filed; `portal` unless an assistant filed it. */
  channel?: AccessRequest['channel'];
};

/** A permission policy's conditions on the requests a list may show. */
export type PolicyCriteria = PermissionCriteria<AccessRequestFilter>;

/** Thrown when an Idempotency-Key is reused with another body. */
export class IdempotencyKeyReusedError extends Error {
  name = 'IdempotencyKeyReusedError';
}

export type TransitionPatch = Partial<
  Pick<
    AccessRequestRow,
    | 'decided_by'
    | 'decided_at'
    | 'decision_reason'
    | 'deciders_at_decision'
    | 'closed_by'
    | 'closed_at'
    | 'closing_reason'
    | 'ends_at'
  >
>;

export type AccessRequestStoreOptions = {
  /**
   * Lists and counts as prepared statements on PostgreSQL; default true.
   * Off behind a connection pooler that cannot keep them (PgBouncer before
   * 1.21 in transaction mode).
   */
  preparedStatements?: boolean;
};

/**
 * Access requests and their audit trail. Every change of status is one
 * transaction: a conditional update whose row count decides a race, plus
 * its audit row.
 */
export class AccessRequestStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
    private readonly options: AccessRequestStoreOptions = {},
  ) {}

  private get preparedStatements() {
    return this.options.preparedStatements ?? true;
  }

  async create(
    input: NewAccessRequest,
    options: {
      idempotency?: { key: string; bodyHash: string };
      /** Set for `approval: auto` ports: approve in the same transaction. */
      autoApproveBy?: string;
    } = {},
  ): Promise<{ request: AccessRequest; replayed: boolean }> {
    const { idempotency } = options;
    try {
      return await this.db.transaction(async tx => {
        if (idempotency) {
          const replay = await this.replay(tx, input.requesterRef, idempotency);
          if (replay) return { request: replay, replayed: true };
        }
        const now = this.clock();
        await this.expireStaleDuplicates(tx, input, now);
        const id = randomUUID();
        const row = {
          id,
          entity_ref: input.entityRef,
          output_port: input.outputPort,
          subject_ref: input.subjectRef,
          requester_ref: input.requesterRef,
          status: 'pending' as const,
          ends_at: new Date(input.endsAt).getTime(),
          created_at: now,
        };
        await tx<AccessRequestRow>(REQUESTS).insert({
          ...row,
          purpose: input.purpose,
          legal_basis_register_id: input.legalBasis?.registerId ?? null,
          legal_basis_activity_id: input.legalBasis?.id ?? null,
          legal_basis_snapshot: input.legalBasis
            ? JSON.stringify(input.legalBasis)
            : null,
          approval_mode: input.approvalMode,
          channel: input.channel ?? 'portal',
          updated_at: now,
        });
        const { id: requestId, output_port: _port, ...copied } = row;
        await tx(VIEWERS).insert(
          viewerRowsOf({ request_id: requestId, ...copied }, input.deciders),
        );
        await this.audit(
          tx,
          id,
          'create',
          input.requesterRef,
          null,
          'pending',
          now,
        );
        if (options.autoApproveBy) {
          await this.applyTransition(tx, {
            id,
            action: 'approve',
            actorRef: options.autoApproveBy,
            now,
            patch: {},
          });
        }
        if (idempotency) {
          await tx(IDEMPOTENCY).insert({
            requester_ref: input.requesterRef,
            key: idempotency.key,
            body_hash: idempotency.bodyHash,
            request_id: id,
            created_at: now,
          });
        }
        return {
          request: withProvisioning(
            rowToRequest(await this.mustGet(tx, id)),
            await provisioningOf(tx, [id]),
          ),
          replayed: false,
        };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent create with the same key won: answer as it did.
      if (idempotency) {
        const replay = await this.replay(
          this.db,
          input.requesterRef,
          idempotency,
        );
        if (replay) return { request: replay, replayed: true };
      }
      const open = await this.db<AccessRequestRow>(REQUESTS)
        .where(sameAccess(input))
        .whereIn('status', OPEN)
        .first();
      throw new ConflictError(
        `You already have an open request for ${input.outputPort} of ${
          input.entityRef
        } for ${input.subjectRef}${
          open ? ` (${open.id}, ${open.status})` : ''
        }; cancel it or wait for its decision`,
      );
    }
  }

  /**
   * Moves a request through `action`. The loser of a race, or a request in
   * the wrong status, gets a ConflictError that names the current status.
   */
  async transition(options: {
    id: string;
    action: AccessRequestAction;
    actorRef: string;
    patch?: TransitionPatch;
  }): Promise<AccessRequest> {
    const now = this.clock();
    const result = await this.db.transaction(tx =>
      this.applyTransition(tx, { ...options, now, patch: options.patch ?? {} }),
    );
    if (result.kind === 'expired') {
      await this.expire(options.id);
      throw new ConflictError(
        `The request has expired; it can no longer be ${pastTense(
          options.action,
        )}`,
      );
    }
    return result.request;
  }

  async get(id: string): Promise<AccessRequest | undefined> {
    const row = await this.db<AccessRequestRow>(REQUESTS).where({ id }).first();
    if (!row) return undefined;
    return withProvisioning(
      rowToRequest(row),
      await provisioningOf(this.db, [id]),
    );
  }

  async getAudit(id: string): Promise<AccessRequestAuditEntry[]> {
    const rows = await this.db<AuditRow>(AUDIT)
      .where({ request_id: id })
      .orderBy('id', 'asc');
    return rows.map(rowToAuditEntry);
  }

  /** The deciders recorded for a request (kept current while it is open). */
  async getDeciders(id: string): Promise<string[]> {
    return this.db(VIEWERS)
      .where({ request_id: id, role: 'decider' })
      .pluck('viewer_ref');
  }

  /** Many requests with their recorded deciders, in two queries. */
  async getManyWithDeciders(
    ids: string[],
  ): Promise<Map<string, { request: AccessRequest; deciderRefs: string[] }>> {
    const found = new Map<
      string,
      { request: AccessRequest; deciderRefs: string[] }
    >();
    if (ids.length === 0) return found;
    const rows = await this.db<AccessRequestRow>(REQUESTS).whereIn('id', ids);
    const provisioning = await provisioningOf(this.db, ids);
    for (const row of rows) {
      found.set(row.id, {
        request: withProvisioning(rowToRequest(row), provisioning),
        deciderRefs: [],
      });
    }
    const deciders = await this.db(VIEWERS)
      .whereIn('request_id', ids)
      .where({ role: 'decider' })
      .select('request_id', 'viewer_ref');
    for (const { request_id, viewer_ref } of deciders) {
      found.get(request_id)?.deciderRefs.push(viewer_ref);
    }
    return found;
  }

  /** Makes the open requests of a port visible to, and decidable by, its current deciders. */
  async syncDeciders(
    entityRef: string,
    outputPort: string,
    deciders: string[],
  ) {
    await syncPortDeciders(this.db, entityRef, outputPort, deciders);
  }

  /**
   * A page of the requests `viewer` may see, newest first by default,
   * narrowed by the permission policy's conditions.
   */
  async list(
    filter: ListFilter,
    viewer: Viewer,
    criteria?: PolicyCriteria,
  ): Promise<Page<AccessRequest>> {
    const { rows, nextCursor } = await findPage<
      PageRow & AccessRequestRow & LatestJobColumns
    >(this.db, filter, viewer, criteria, this.clock(), {
      prepared: this.preparedStatements,
      withRows: {
        key: 'requests-and-latest-job',
        join: page =>
          joinLatestJob(
            this.db,
            this.db
              .from(page.as('page'))
              .join(`${REQUESTS} as requests`, 'requests.id', 'page.id')
              .select([
                ...REQUEST_COLUMNS.map(column => `requests.${column}`),
                'page.sort_value',
              ]),
          ),
      },
    });
    return {
      items: rows.map(row => {
        const provisioning = latestJobState(row);
        const request = rowToRequest(row);
        return provisioning ? { ...request, provisioning } : request;
      }),
      nextCursor,
    };
  }

  /**
   * Another approved request, still in force, that gives the same subject
   * the same port (two members of a team may each have asked for the team):
   * its id, if any.
   */
  async otherGrantInForce(
    request: Pick<
      AccessRequest,
      'id' | 'entityRef' | 'outputPort' | 'subjectRef'
    >,
  ): Promise<string | undefined> {
    const row = await this.db<AccessRequestRow>(REQUESTS)
      .where({
        entity_ref: request.entityRef,
        status: 'approved',
        output_port: request.outputPort,
        subject_ref: request.subjectRef,
      })
      .whereNot({ id: request.id })
      .where('ends_at', '>', this.clock())
      .first('id');
    return row?.id;
  }

  /**
   * How many requests match, counted up to `cap` (the badge shows "99+"):
   * the count reads at most a page of index rows per seek.
   */
  async count(
    filter: Omit<ListFilter, 'limit' | 'cursor'>,
    viewer: Viewer,
    cap: number,
    criteria?: PolicyCriteria,
  ): Promise<{ count: number; more: boolean }> {
    const { rows, nextCursor } = await findPage(
      this.db,
      { ...filter, limit: cap },
      viewer,
      criteria,
      this.clock(),
      { prepared: this.preparedStatements },
    );
    return { count: rows.length, more: Boolean(nextCursor) };
  }

  /** Marks open requests whose end has passed as expired, a bounded batch at a time. */
  async expireDue(
    limit: number,
    /** Told of each request this call expired, after its transaction. */
    onExpired?: (request: AccessRequest) => Promise<void>,
  ): Promise<number> {
    const due = await this.db<AccessRequestRow>(REQUESTS)
      .whereIn('status', OPEN)
      .where('ends_at', '<=', this.clock())
      .orderBy('ends_at')
      .limit(limit)
      .pluck('id');
    let expired = 0;
    for (const id of due) {
      const request = await this.expire(id);
      if (request) {
        expired += 1;
        await onExpired?.(request);
      }
    }
    return expired;
  }

  private async expire(id: string): Promise<AccessRequest | undefined> {
    const now = this.clock();
    const result = await this.db.transaction(tx =>
      this.applyTransition(tx, {
        id,
        action: 'expire',
        actorRef: SYSTEM_ACTOR,
        now,
        patch: {},
      }).catch(error => {
        if (error instanceof ConflictError) return undefined;
        throw error;
      }),
    );
    return result?.request;
  }

  private async applyTransition(
    tx: Knex.Transaction,
    options: {
      id: string;
      action: AccessRequestAction;
      actorRef: string;
      now: number;
      patch: TransitionPatch;
    },
  ): Promise<
    | { kind: 'done'; request: AccessRequest }
    | { kind: 'expired'; request?: undefined }
  > {
    const { id, action, actorRef, now, patch } = options;
    const from = statusesAllowing(action);
    const to = nextStatus(from[0], action)!;
    // Only an action with several starting statuses needs to read which one.
    const fromStatus =
      from.length === 1 ? from[0] : (await this.mustGet(tx, id)).status;
    const update = tx<AccessRequestRow>(REQUESTS)
      .where({ id, status: fromStatus })
      .whereIn('status', from as AccessRequestStatus[]);
    // Expiry is a fact of time: only `expire` may act on a request past its end.
    if (action === 'expire') update.where('ends_at', '<=', now);
    else update.where('ends_at', '>', now);
    const [updated]: AccessRequestRow[] = await update.update(
      { ...patch, status: to, updated_at: now },
      '*',
    );
    if (!updated) {
      const latest = await this.mustGet(tx, id);
      if (
        action !== 'expire' &&
        OPEN.includes(latest.status) &&
        Number(latest.ends_at) <= now
      ) {
        return { kind: 'expired' };
      }
      throw new ConflictError(
        `The request is ${latest.status}; it cannot be ${pastTense(action)}`,
      );
    }
    await updateViewers(tx, id, { status: to, ends_at: updated.ends_at });
    await this.audit(tx, id, action, actorRef, fromStatus, to, now);
    // Access starts or ends: the job that applies it commits with the transition.
    const operation = operationFor(action, fromStatus);
    const request = rowToRequest(updated);
    if (operation) {
      request.provisioning = await enqueueProvisioning(tx, id, operation, now);
    } else if (to !== 'rejected' && to !== 'cancelled') {
      // An expiry of a pending request: nothing was ever granted.
      const latest = await latestJob(tx, id);
      if (latest) request.provisioning = stateOf(latest);
    }
    return { kind: 'done', request };
  }

  /**
   * Sends a request's failed provisioning job back to the worker, with its
   * attempts counted afresh. Only the latest job, and only a failed one:
   * anything else is a ConflictError naming where it stands.
   */
  async retryProvisioning(id: string): Promise<ProvisioningState> {
    const now = this.clock();
    return this.db.transaction(async tx => {
      const latest = await latestJob(tx, id);
      if (!latest) {
        throw new ConflictError(
          'Nothing has been provisioned for this request',
        );
      }
      const retried = await tx(PROVISIONING)
        .where({ id: latest.id, status: 'failed' })
        .update({
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          locked_by: null,
          locked_until: null,
          updated_at: now,
        });
      if (retried !== 1) {
        throw new ConflictError(
          `Provisioning is ${
            stateOf(latest).state
          }; only a failed one can be retried`,
        );
      }
      return stateOf({
        ...latest,
        status: 'pending',
        attempts: 0,
        updated_at: now,
      });
    });
  }

  private async expireStaleDuplicates(
    tx: Knex.Transaction,
    input: NewAccessRequest,
    now: number,
  ) {
    const stale = await tx<AccessRequestRow>(REQUESTS)
      .where(sameAccess(input))
      .whereIn('status', OPEN)
      .where('ends_at', '<=', now)
      .pluck('id');
    for (const id of stale) {
      await this.applyTransition(tx, {
        id,
        action: 'expire',
        actorRef: SYSTEM_ACTOR,
        now,
        patch: {},
      });
    }
  }

  private async replay(
    db: Knex,
    requesterRef: string,
    idempotency: { key: string; bodyHash: string },
  ): Promise<AccessRequest | undefined> {
    const existing = await db(IDEMPOTENCY)
      .where({ requester_ref: requesterRef, key: idempotency.key })
      .first();
    if (!existing) return undefined;
    if (existing.body_hash !== idempotency.bodyHash) {
      throw new IdempotencyKeyReusedError(
        'This Idempotency-Key was used for a different request body',
      );
    }
    return rowToRequest(await this.mustGet(db, existing.request_id));
  }

  private async mustGet(db: Knex, id: string): Promise<AccessRequestRow> {
    const row = await db<AccessRequestRow>(REQUESTS).where({ id }).first();
    if (!row) throw new NotFoundError(`No access request ${id}`);
    return row;
  }

  private async audit(
    tx: Knex,
    requestId: string,
    action: AccessRequestAuditEntry['action'],
    actorRef: string,
    fromStatus: AccessRequestStatus | null,
    toStatus: AccessRequestStatus,
    at: number,
  ) {
    await tx(AUDIT).insert({
      request_id: requestId,
      action,
      actor_ref: actorRef,
      from_status: fromStatus,
      to_status: toStatus,
      at,
    });
  }
}

function withProvisioning(
  request: AccessRequest,
  states: Map<string, ProvisioningState>,
): AccessRequest {
  const provisioning = states.get(request.id);
  return provisioning ? { ...request, provisioning } : request;
}

/** The columns of the one-open-request rule. */
function sameAccess(input: NewAccessRequest) {
  return {
    requester_ref: input.requesterRef,
    subject_ref: input.subjectRef,
    entity_ref: input.entityRef,
    output_port: input.outputPort,
  };
}

function pastTense(action: AccessRequestAction): string {
  return {
    approve: 'approved',
    reject: 'rejected',
    cancel: 'cancelled',
    revoke: 'revoked',
    expire: 'expired',
  }[action];
}
