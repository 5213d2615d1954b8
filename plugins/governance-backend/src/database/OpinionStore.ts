import { ConflictError } from '@backstage/errors';
import {
  Opinion,
  OpinionInput,
  OpinionRevision,
} from '@datamesh-governance/plugin-governance-common';
import { Knex } from 'knex';

type OpinionRow = {
  adr_id: string;
  author_ref: string;
  stance: string;
  perspective: string;
  comment: string;
  revision: number | string;
  created_at: number | string;
  updated_at: number | string;
};

type RevisionRow = {
  adr_id: string;
  author_ref: string;
  revision: number | string;
  stance: string;
  perspective: string;
  comment: string;
  recorded_at: number | string;
};

/** What `record` did: `created` for a first opinion, `changed`, or `unchanged` when the input equals the current one. */
export type RecordOutcome = {
  opinion: Opinion;
  outcome: 'created' | 'changed' | 'unchanged';
};

/** Current opinions and their append-only history. */
export class OpinionStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Records a person's opinion: the new revision and the current row in one
   * transaction. The current row is updated only if it is still at the
   * revision read, so concurrent changes cannot lose one another.
   */
  async record(
    adrId: string,
    authorRef: string,
    input: OpinionInput,
    now = Date.now(),
  ): Promise<RecordOutcome> {
    return this.knex.transaction(async trx => {
      const current = await trx<OpinionRow>('governance_opinions')
        .where({ adr_id: adrId, author_ref: authorRef })
        .first();
      if (current && sameInput(current, input)) {
        return { opinion: toOpinion(current), outcome: 'unchanged' };
      }
      const revision = current ? Number(current.revision) + 1 : 1;
      const fields = {
        stance: input.stance,
        perspective: input.perspective,
        comment: input.comment,
      };
      if (current) {
        const updated = await trx('governance_opinions')
          .where({
            adr_id: adrId,
            author_ref: authorRef,
            revision: current.revision,
          })
          .update({ ...fields, revision, updated_at: now });
        if (updated !== 1) {
          throw new ConflictError(
            'Your opinion was changed at the same time elsewhere; reload and try again',
          );
        }
      } else {
        await trx('governance_opinions').insert({
          adr_id: adrId,
          author_ref: authorRef,
          ...fields,
          revision,
          created_at: now,
          updated_at: now,
        });
      }
      await trx('governance_opinion_revisions').insert({
        adr_id: adrId,
        author_ref: authorRef,
        revision,
        ...fields,
        recorded_at: now,
      });
      const row = await trx<OpinionRow>('governance_opinions')
        .where({ adr_id: adrId, author_ref: authorRef })
        .first();
      return {
        opinion: toOpinion(row!),
        outcome: current ? 'changed' : 'created',
      };
    });
  }

  /** Current opinions on an ADR, newest first. */
  async list(adrId: string): Promise<Opinion[]> {
    const rows = await this.knex<OpinionRow>('governance_opinions')
      .where({ adr_id: adrId })
      .orderBy([
        { column: 'updated_at', order: 'desc' },
        { column: 'author_ref', order: 'asc' },
      ]);
    return rows.map(toOpinion);
  }

  /** Every revision of every opinion on an ADR, oldest first. */
  async history(adrId: string): Promise<OpinionRevision[]> {
    const rows = await this.knex<RevisionRow>('governance_opinion_revisions')
      .where({ adr_id: adrId })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      adrId: row.adr_id,
      authorRef: row.author_ref,
      revision: Number(row.revision),
      stance: row.stance as OpinionRevision['stance'],
      perspective: row.perspective as OpinionRevision['perspective'],
      comment: row.comment,
      recordedAt: new Date(Number(row.recorded_at)).toISOString(),
    }));
  }
}

function sameInput(row: OpinionRow, input: OpinionInput): boolean {
  return (
    row.stance === input.stance &&
    row.perspective === input.perspective &&
    row.comment === input.comment
  );
}

function toOpinion(row: OpinionRow): Opinion {
  return {
    adrId: row.adr_id,
    authorRef: row.author_ref,
    stance: row.stance as Opinion['stance'],
    perspective: row.perspective as Opinion['perspective'],
    comment: row.comment,
    revision: Number(row.revision),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
