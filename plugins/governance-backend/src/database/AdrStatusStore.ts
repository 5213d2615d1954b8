import {
  AdrStatus,
  AdrStatusChange,
  isDecidedAdrStatus,
  OpinionSnapshot,
} from '@datamesh-governance/plugin-governance-common';
import { Knex } from 'knex';
import { countOpinions } from '../service/countOpinions';
import { OpinionStore } from './OpinionStore';

const TABLE = 'governance_adr_status_changes';

/** The most changes of one ADR an answer holds: the newest ones. */
const MAX_HISTORY = 100;

type StatusChangeRow = {
  adr_id: string;
  sequence: number | string;
  from_status: string | null;
  to_status: string;
  adr_date: string | null;
  seen_at: number | string;
  snapshot: string | null;
};

/** What a replica read from an ADR's source. */
export type AdrStatusObservation = {
  adrId: string;
  status: AdrStatus;
  /** The ADR's own date, yyyy-mm-dd. */
  date?: string;
};

/**
 * The statuses each ADR went through (append-only). Several replicas and
 * refreshes observe the same sources, so recording is insert-if-absent on the
 * unique (adr_id, sequence): whoever inserts change n first records it, the
 * others find it there and record nothing.
 */
export class AdrStatusStore {
  private readonly opinions: OpinionStore;

  constructor(private readonly knex: Knex) {
    this.opinions = new OpinionStore(knex);
  }

  /**
   * Records each ADR whose status differs from the last one recorded: the
   * first sighting as sequence 1 (no snapshot: the portal did not see it
   * decided), a later change with the opinions at that moment when it is a
   * decision. An observation older than the last recorded one is ignored, so
   * a replica that read the source before another saw the change cannot
   * turn it back. Returns what this call recorded, oldest first.
   */
  async record(
    observations: AdrStatusObservation[],
    seenAt: number,
  ): Promise<AdrStatusChange[]> {
    const latest = await this.latestOf(observations.map(o => o.adrId));
    const recorded: AdrStatusChange[] = [];
    for (const observation of observations) {
      const last = latest.get(observation.adrId);
      if (last && last.to_status === observation.status) continue;
      if (last && Number(last.seen_at) > seenAt) continue;
      const change = await this.insertIfAbsent(observation, last, seenAt);
      if (change) recorded.push(change);
    }
    return recorded;
  }

  /** An ADR's changes, oldest first (the newest 100). */
  async history(adrId: string): Promise<AdrStatusChange[]> {
    const rows = await this.knex<StatusChangeRow>(TABLE)
      .where({ adr_id: adrId })
      .orderBy('sequence', 'desc')
      .limit(MAX_HISTORY);
    return rows.reverse().map(toChange);
  }

  /** The status last recorded for an ADR. */
  async latest(adrId: string): Promise<AdrStatusChange | undefined> {
    const row = (await this.latestOf([adrId])).get(adrId);
    return row && toChange(row);
  }

  private async insertIfAbsent(
    observation: AdrStatusObservation,
    last: StatusChangeRow | undefined,
    seenAt: number,
  ): Promise<AdrStatusChange | undefined> {
    const snapshot =
      last && isDecidedAdrStatus(observation.status)
        ? await this.snapshot(observation.adrId)
        : undefined;
    const row: StatusChangeRow = {
      adr_id: observation.adrId,
      sequence: last ? Number(last.sequence) + 1 : 1,
      from_status: last?.to_status ?? null,
      to_status: observation.status,
      adr_date: observation.date ?? null,
      seen_at: seenAt,
      snapshot: snapshot ? JSON.stringify(snapshot) : null,
    };
    const inserted = await this.knex(TABLE)
      .insert(row)
      .onConflict(['adr_id', 'sequence'])
      .ignore()
      .returning('id');
    // Empty when another replica or refresh recorded this change first.
    return inserted.length === 1 ? toChange(row) : undefined;
  }

  private async snapshot(adrId: string): Promise<OpinionSnapshot> {
    const opinions = await this.opinions.list(adrId);
    return { counts: countOpinions(opinions), opinions };
  }

  /** The newest row of each ADR: one query, whatever the table's size. */
  private async latestOf(
    adrIds: string[],
  ): Promise<Map<string, StatusChangeRow>> {
    const latest = new Map<string, StatusChangeRow>();
    // Chunks keep the statement within every engine's parameter limit.
    for (let start = 0; start < adrIds.length; start += 500) {
      const chunk = adrIds.slice(start, start + 500);
      const rows: StatusChangeRow[] = await this.knex(`${TABLE} as c`)
        .select('c.*')
        .whereIn('c.adr_id', chunk)
        .whereNotExists(function newer() {
          this.select(this.client.raw('1'))
            .from(`${TABLE} as n`)
            .whereRaw('n.adr_id = c.adr_id')
            .andWhereRaw('n.sequence > c.sequence');
        });
      rows.forEach(row => latest.set(row.adr_id, row));
    }
    return latest;
  }
}

function toChange(row: StatusChangeRow): AdrStatusChange {
  return {
    adrId: row.adr_id,
    sequence: Number(row.sequence),
    ...(row.from_status && { fromStatus: row.from_status as AdrStatus }),
    toStatus: row.to_status as AdrStatus,
    ...(row.adr_date && { adrDate: row.adr_date }),
    seenAt: new Date(Number(row.seen_at)).toISOString(),
    ...(row.snapshot && {
      snapshot: JSON.parse(row.snapshot) as OpinionSnapshot,
    }),
  };
}
