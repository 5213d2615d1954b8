import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ProblemEvent,
  ProblemInput,
  ProblemStatus,
} from '@datamesh-governance/plugin-governance-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  decodeProblemCursor,
  encodeProblemCursor,
  ProblemCursor,
} from './problemCursor';

const PROBLEMS = 'governance_problems';
const SUPPORTS = 'governance_problem_supports';
const EVENTS = 'governance_problem_events';

type ProblemRow = {
  id: string;
  title: string;
  description: string;
  entity_refs: string;
  raised_by: string;
  status: string;
  support_count: number | string;
  adr_id: string | null;
  linked_by: string | null;
  linked_at: number | string | null;
  closed_by: string | null;
  closed_at: number | string | null;
  close_reason: string | null;
  created_at: number | string;
  updated_at: number | string;
};

type EventRow = {
  problem_id: string;
  action: string;
  actor_ref: string;
  adr_id: string | null;
  reason: string | null;
  recorded_at: number | string;
};

/** A problem as stored: the caller's support and the ADR's status are added by the service. */
export type StoredProblem = {
  id: string;
  title: string;
  description: string;
  entityRefs: string[];
  raisedBy: string;
  status: ProblemStatus;
  supportCount: number;
  adrId?: string;
  linkedBy?: string;
  linkedAt?: string;
  closedBy?: string;
  closedAt?: string;
  closeReason?: string;
  createdAt: string;
};

/** What a change did: `changed` is false when the problem already was so. */
export type ProblemChange = { problem: StoredProblem; changed: boolean };

/**
 * Raised problems, who supports them and the append-only history of every
 * change. Each change and its history row are one transaction; the support
 * count moves in the same transaction as the support row, so it always
 * equals the number of rows.
 */
export class ProblemStore {
  constructor(private readonly knex: Knex) {}

  async raise(
    input: ProblemInput,
    raisedBy: string,
    now = Date.now(),
  ): Promise<StoredProblem> {
    const id = randomUUID();
    await this.knex.transaction(async trx => {
      await trx(PROBLEMS).insert({
        id,
        title: input.title,
        description: input.description,
        entity_refs: JSON.stringify(input.entityRefs),
        raised_by: raisedBy,
        status: 'open',
        support_count: 0,
        created_at: now,
        updated_at: now,
      });
      await record(trx, id, 'raised', raisedBy, now);
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<StoredProblem | undefined> {
    const row = await this.knex<ProblemRow>(PROBLEMS).where({ id }).first();
    return row && toProblem(row);
  }

  /**
   * One page, most supported first, then newest, then by id. The seek
   * `(support_count, created_at, id) < (…)` and the order are both served
   * by `governance_problems_order_idx`, so a page reads `limit + 1` index
   * entries wherever it starts.
   */
  async page(options: {
    status: ProblemStatus;
    limit: number;
    cursor?: string;
  }): Promise<{ items: StoredProblem[]; nextCursor?: string }> {
    const after = decodeProblemCursor(options.cursor);
    const query = this.knex<ProblemRow>(PROBLEMS)
      .where({ status: options.status })
      .orderBy([
        { column: 'support_count', order: 'desc' },
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit + 1);
    if (after) {
      query.whereRaw('(??, ??, ??) < (?, ?, ?)', [
        'support_count',
        'created_at',
        'id',
        after.support,
        after.createdAt,
        after.id,
      ]);
    }
    const rows = await query;
    const items = rows.slice(0, options.limit).map(toProblem);
    const last = rows.length > options.limit ? rows[options.limit - 1] : null;
    return {
      items,
      nextCursor: last ? encodeProblemCursor(positionOf(last)) : undefined,
    };
  }

  /** Which of these problems the person supports. */
  async supportedBy(personRef: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.knex(SUPPORTS)
      .select('problem_id')
      .where({ person_ref: personRef })
      .whereIn('problem_id', ids);
    return new Set(rows.map(row => row.problem_id));
  }

  /** One support per person: a second one changes nothing, also when both arrive at once. */
  async support(
    id: string,
    personRef: string,
    now = Date.now(),
  ): Promise<ProblemChange> {
    return this.knex.transaction(async trx => {
      await openOr409(trx, id);
      const inserted = await trx(SUPPORTS)
        .insert({ problem_id: id, person_ref: personRef, created_at: now })
        .onConflict(['problem_id', 'person_ref'])
        .ignore()
        .returning('person_ref');
      if (inserted.length === 0) {
        return { problem: await fetch(trx, id), changed: false };
      }
      await countSupport(trx, id, +1, now);
      await record(trx, id, 'supported', personRef, now);
      return { problem: await fetch(trx, id), changed: true };
    });
  }

  async withdrawSupport(
    id: string,
    personRef: string,
    now = Date.now(),
  ): Promise<ProblemChange> {
    return this.knex.transaction(async trx => {
      await openOr409(trx, id);
      const deleted = await trx(SUPPORTS)
        .where({ problem_id: id, person_ref: personRef })
        .delete();
      if (deleted === 0) {
        return { problem: await fetch(trx, id), changed: false };
      }
      await countSupport(trx, id, -1, now);
      await record(trx, id, 'support-withdrawn', personRef, now);
      return { problem: await fetch(trx, id), changed: true };
    });
  }

  /** Links the ADR that answers the problem, or none (`adrId` null). */
  async linkAdr(
    id: string,
    adrId: string | null,
    actorRef: string,
    now = Date.now(),
  ): Promise<ProblemChange> {
    return this.knex.transaction(async trx => {
      const current = await fetch(trx, id);
      if ((current.adrId ?? null) === adrId) {
        return { problem: current, changed: false };
      }
      await trx(PROBLEMS)
        .where({ id })
        .update({
          adr_id: adrId,
          linked_by: adrId ? actorRef : null,
          linked_at: adrId ? now : null,
          updated_at: now,
        });
      await record(
        trx,
        id,
        adrId ? 'adr-linked' : 'adr-unlinked',
        actorRef,
        now,
        { adr_id: adrId ?? current.adrId },
      );
      return { problem: await fetch(trx, id), changed: true };
    });
  }

  async close(
    id: string,
    reason: string,
    actorRef: string,
    now = Date.now(),
  ): Promise<StoredProblem> {
    return this.knex.transaction(async trx => {
      const updated = await trx(PROBLEMS).where({ id, status: 'open' }).update({
        status: 'closed',
        closed_by: actorRef,
        closed_at: now,
        close_reason: reason,
        updated_at: now,
      });
      if (updated !== 1) {
        await fetch(trx, id);
        throw new ConflictError(`Problem ${id} is already closed`);
      }
      await record(trx, id, 'closed', actorRef, now, { reason });
      return fetch(trx, id);
    });
  }

  /** Every change, oldest first. */
  async history(id: string): Promise<ProblemEvent[]> {
    const rows = await this.knex<EventRow>(EVENTS)
      .where({ problem_id: id })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      action: row.action as ProblemEvent['action'],
      actorRef: row.actor_ref,
      recordedAt: iso(row.recorded_at),
      ...(row.adr_id && { adrId: row.adr_id }),
      ...(row.reason && { reason: row.reason }),
    }));
  }
}

async function fetch(trx: Knex.Transaction, id: string) {
  const row = await trx<ProblemRow>(PROBLEMS).where({ id }).first();
  if (!row) throw new NotFoundError(`No problem ${id}`);
  return toProblem(row);
}

async function openOr409(trx: Knex.Transaction, id: string) {
  const problem = await fetch(trx, id);
  if (problem.status !== 'open') {
    throw new ConflictError(
      `Problem ${id} is closed; its support can no longer change`,
    );
  }
}

/** Moves the count with the support row; a problem closed meanwhile rolls both back. */
async function countSupport(
  trx: Knex.Transaction,
  id: string,
  by: 1 | -1,
  now: number,
) {
  const updated = await trx(PROBLEMS)
    .where({ id, status: 'open' })
    .update({
      support_count: trx.raw('?? + ?', ['support_count', by]),
      updated_at: now,
    });
  if (updated !== 1) {
    throw new ConflictError(
      `Problem ${id} was closed meanwhile; its support can no longer change`,
    );
  }
}

function record(
  trx: Knex.Transaction,
  problemId: string,
  action: ProblemEvent['action'],
  actorRef: string,
  now: number,
  extra: { adr_id?: string; reason?: string } = {},
) {
  return trx(EVENTS).insert({
    problem_id: problemId,
    action,
    actor_ref: actorRef,
    adr_id: extra.adr_id ?? null,
    reason: extra.reason ?? null,
    recorded_at: now,
  });
}

function positionOf(row: ProblemRow): ProblemCursor {
  return {
    support: Number(row.support_count),
    createdAt: Number(row.created_at),
    id: row.id,
  };
}

function iso(value: number | string): string {
  return new Date(Number(value)).toISOString();
}

function toProblem(row: ProblemRow): StoredProblem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    entityRefs: JSON.parse(row.entity_refs),
    raisedBy: row.raised_by,
    status: row.status as ProblemStatus,
    supportCount: Number(row.support_count),
    createdAt: iso(row.created_at),
    ...(row.adr_id && { adrId: row.adr_id }),
    ...(row.linked_by && { linkedBy: row.linked_by }),
    ...(row.linked_at !== null && { linkedAt: iso(row.linked_at) }),
    ...(row.closed_by && { closedBy: row.closed_by }),
    ...(row.closed_at !== null && { closedAt: iso(row.closed_at) }),
    ...(row.close_reason && { closeReason: row.close_reason }),
  };
}
