import { OpinionRevision } from '@datamesh-governance/plugin-governance-common';
import { Knex } from 'knex';

/**
 * The opinions recorded or changed on these ADRs in [from, to), the latest
 * revision per person and ADR, oldest first. One query on the revisions'
 * (adr_id, id) index.
 */
export async function recentOpinions(
  knex: Knex,
  adrIds: string[],
  window: { from: number; to: number },
): Promise<OpinionRevision[]> {
  if (adrIds.length === 0) return [];
  const rows = await knex('governance_opinion_revisions')
    .whereIn('adr_id', adrIds)
    .where('recorded_at', '>=', window.from)
    .where('recorded_at', '<', window.to)
    .orderBy('id', 'asc');
  const latest = new Map<string, OpinionRevision>();
  for (const row of rows) {
    const key = `${row.adr_id}\n${row.author_ref}`;
    latest.delete(key);
    latest.set(key, {
      adrId: row.adr_id,
      authorRef: row.author_ref,
      revision: Number(row.revision),
      stance: row.stance,
      perspective: row.perspective,
      comment: row.comment,
      recordedAt: new Date(Number(row.recorded_at)).toISOString(),
    });
  }
  return [...latest.values()];
}
