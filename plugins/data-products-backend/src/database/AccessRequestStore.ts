import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AccessRequest,
  AccessRequestAction,
  AccessRequestAuditEntry,
  AccessRequestStatus,
  ListAccessRequestsQuery,
  nextStatus,
  Page,
  statusesAllowing,
} from '@datamesh-governance/plugin-data-products-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { isUniqueViolation } from './errors';
import {
  AccessRequestRow,
  AuditRow,
  rowToAuditEntry,
  rowToRequest,
} from './rows';

const REQUESTS = 'access_requests';
const DECIDERS = 'access_request_deciders';
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
};

/** Who is looking: their user ref and every ref they own or belong to. */
export type Viewer = { userRef: string; claims: string[] };

/** An extra filter on the requests table, e.g. from a conditional permission. */
export type QueryFilter = (query: Knex.QueryBuilder) => void;

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

/**
 * Access requests and their audit trail. Every change of status is one
 * transaction: a conditional update whose row count decides a race, plus
 * its audit row.
 */
export class AccessRequestStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
  ) {}

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
        await tx<AccessRequestRow>(REQUESTS).insert({
          id,
          entity_ref: input.entityRef,
          output_port: input.outputPort,
          subject_ref: input.subjectRef,
          requester_ref: input.requesterRef,
          purpose: input.purpose,
          legal_basis_register_id: input.legalBasis?.registerId ?? null,
          legal_basis_activity_id: input.legalBasis?.id ?? null,
          legal_basis_snapshot: input.legalBasis
            ? JSON.stringify(input.legalBasis)
            : null,
          approval_mode: input.approvalMode,
          status: 'pending',
          ends_at: new Date(input.endsAt).getTime(),
          created_at: now,
          updated_at: now,
        });
        const deciders = [...new Set(input.deciders)];
        if (deciders.length > 0) {
          await tx(DECIDERS).insert(
            deciders.map(ref => ({ request_id: id, decider_ref: ref })),
          );
        }
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
          request: rowToRequest(await this.mustGet(tx, id)),
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
    return row ? rowToRequest(row) : undefined;
  }

  async getAudit(id: string): Promise<AccessRequestAuditEntry[]> {
    const rows = await this.db<AuditRow>(AUDIT)
      .where({ request_id: id })
      .orderBy('id', 'asc');
    return rows.map(rowToAuditEntry);
  }

  async getDeciders(id: string): Promise<string[]> {
    return this.db(DECIDERS).where({ request_id: id }).pluck('decider_ref');
  }

  /** True when the request's deciders at creation include one of `claims`. */
  async isDecider(id: string, claims: string[]): Promise<boolean> {
    const row = await this.db(DECIDERS)
      .where({ request_id: id })
      .whereIn('decider_ref', claims)
      .first();
    return Boolean(row);
  }

  /** A page of the requests `viewer` may see, newest first by default. */
  async list(
    query: ListAccessRequestsQuery,
    viewer: Viewer,
    filter?: QueryFilter,
  ): Promise<Page<AccessRequest>> {
    const now = this.clock();
    const column = query.sort === 'endsAt' ? 'ends_at' : 'created_at';
    const builder = this.db<AccessRequestRow>(REQUESTS)
      .select(`${REQUESTS}.*`)
      .where(q => this.visibleTo(q, viewer));
    if (filter) builder.where(q => filter(q));
    if (query.role === 'requester') {
      builder.where({ requester_ref: viewer.userRef });
    } else if (query.role === 'approver') {
      builder
        .whereNot({ requester_ref: viewer.userRef })
        .whereExists(this.deciderIn(viewer.claims));
    }
    if (query.entityRef) {
      builder.where({ entity_ref: query.entityRef.toLocaleLowerCase('en-US') });
    }
    if (query.status) {
      builder.where(q => whereEffectiveStatus(q, query.status!, now));
    }
    if (query.createdBefore) {
      builder.where('created_at', '<', Date.parse(query.createdBefore));
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      const op = query.order === 'asc' ? '>' : '<';
      builder.where(q =>
        q
          .where(column, op, cursor.value)
          .orWhere(q2 =>
            q2.where(column, cursor.value).andWhere('id', op, cursor.id),
          ),
      );
    }
    const rows: AccessRequestRow[] = await builder
      .orderBy([
        { column, order: query.order },
        { column: 'id', order: query.order },
      ])
      .limit(query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(rowToRequest),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ value: Number(last[column]), id: last.id })
          : undefined,
    };
  }

  /** Marks open requests whose end has passed as expired, a bounded batch at a time. */
  async expireDue(limit: number): Promise<number> {
    const due = await this.db<AccessRequestRow>(REQUESTS)
      .whereIn('status', OPEN)
      .where('ends_at', '<=', this.clock())
      .orderBy('ends_at')
      .limit(limit)
      .pluck('id');
    let expired = 0;
    for (const id of due) {
      if (await this.expire(id)) expired += 1;
    }
    return expired;
  }

  private async expire(id: string): Promise<boolean> {
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
    return Boolean(result);
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
    const current = await this.mustGet(tx, id);
    const update = tx<AccessRequestRow>(REQUESTS)
      .where({ id })
      .whereIn('status', from as AccessRequestStatus[]);
    // Expiry is a fact of time: only `expire` may act on a request past its end.
    if (action === 'expire') update.where('ends_at', '<=', now);
    else update.where('ends_at', '>', now);
    const count = await update.update({
      ...patch,
      status: to,
      updated_at: now,
    });
    if (count === 0) {
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
    await this.audit(tx, id, action, actorRef, current.status, to, now);
    return { kind: 'done', request: rowToRequest(await this.mustGet(tx, id)) };
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

  private visibleTo(query: Knex.QueryBuilder, viewer: Viewer) {
    query
      .where(`${REQUESTS}.requester_ref`, viewer.userRef)
      .orWhereIn(`${REQUESTS}.subject_ref`, viewer.claims)
      .orWhereExists(this.deciderIn(viewer.claims));
  }

  private deciderIn(claims: string[]) {
    return this.db(DECIDERS)
      .select(this.db.raw('1'))
      .whereRaw(`${DECIDERS}.request_id = ${REQUESTS}.id`)
      .whereIn(`${DECIDERS}.decider_ref`, claims);
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

function whereEffectiveStatus(
  query: Knex.QueryBuilder,
  status: AccessRequestStatus,
  now: number,
) {
  if (status === 'expired') {
    query
      .where({ status: 'expired' })
      .orWhere(q => q.whereIn('status', OPEN).andWhere('ends_at', '<=', now));
  } else if (OPEN.includes(status)) {
    query.where({ status }).andWhere('ends_at', '>', now);
  } else {
    query.where({ status });
  }
}

type Cursor = { value: number; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString());
    if (typeof parsed.value === 'number' && typeof parsed.id === 'string') {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('The cursor is not one this API handed out');
}
