import type {
  LegalBasisSnapshot,
  PersonalDataAccessReport,
  PersonalDataAccessRow,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { provisioningOf } from '../provisioning/outbox';
import { Cursor, encodeCursor } from './cursor';

const REQUESTS = 'access_requests';
const AUDIT = 'access_request_audit';
/** Activities named per statement, under SQLite's 500 parts to a UNION. */
const NAMES_PER_STATEMENT = 200;
/** Actions after which a grant no longer gives access. */
const ENDING = ['cancel', 'revoke', 'expire'];

type GrantRow = {
  id: string;
  entity_ref: string;
  output_port: string;
  subject_ref: string;
  requester_ref: string;
  purpose: string;
  legal_basis_snapshot: string;
  ends_at: number | string;
  approved_at: number | string;
  approved_by: string;
};

/**
 * The GDPR Art. 30 view of the access requests: grants to personal and
 * special-category ports (those with a legal basis) active at a moment,
 * answered from the audit trail. A grant is active at `at` when it was
 * approved at or before `at`, nothing ended it at or before `at` and its
 * end lies after `at`: a past moment shows grants since revoked and hides
 * later ones.
 */
export class PersonalDataReportStore {
  constructor(private readonly db: Knex) {}

  /** Grants active at `at`, newest approval first, a keyset page at a time. */
  async page(options: {
    at: Date;
    limit: number;
    cursor?: Cursor;
  }): Promise<{ items: PersonalDataAccessRow[]; nextCursor?: string }> {
    const { limit, cursor } = options;
    const query = this.activeAt(options.at)
      .select(
        'r.id',
        'r.entity_ref',
        'r.output_port',
        'r.subject_ref',
        'r.requester_ref',
        'r.purpose',
        'r.legal_basis_snapshot',
        'r.ends_at',
        { approved_at: 'a.at', approved_by: 'a.actor_ref' },
      )
      .orderBy([
        { column: 'a.at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ])
      .limit(limit + 1);
    if (cursor) {
      query.where(after =>
        after
          .where('a.at', '<', cursor.value)
          .orWhere(tie =>
            tie.where('a.at', cursor.value).where('r.id', '<', cursor.id),
          ),
      );
    }
    const rows: GrantRow[] = await query;
    const page = rows.slice(0, limit);
    const provisioning = await provisioningOf(
      this.db,
      page.map(row => row.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map(row => {
        const item = rowOf(row);
        const state = provisioning.get(row.id);
        return state ? { ...item, provisioning: state } : item;
      }),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ value: Number(last.approved_at), id: last.id })
          : undefined,
    };
  }

  /**
   * Each processing activity of the grants active at `at` with the ports it
   * is used for. The pairs of activity and port ever asked for are few and
   * read from an index; each is kept when one of its grants is active at
   * `at`, a probe that usually stops at the first grant it meets. Each
   * activity's name comes from one of its snapshots.
   */
  async activities(at: Date): Promise<PersonalDataAccessReport['activities']> {
    const db = this.db;
    const pairs: Array<{
      register_id: string;
      activity_id: string;
      entity_ref: string;
      output_port: string;
    }> = await db
      .from(
        db(`${REQUESTS} as p`)
          .whereNotNull('p.legal_basis_register_id')
          .distinct({
            register_id: 'p.legal_basis_register_id',
            activity_id: 'p.legal_basis_activity_id',
            entity_ref: 'p.entity_ref',
            output_port: 'p.output_port',
          })
          .as('pairs'),
      )
      .where(
        probeEach(
          db,
          // Driven from the pair's own requests (the legal-basis index),
          // each checked in its own audit rows: never a walk of every
          // approval.
          db(`${REQUESTS} as r`)
            .select(db.raw('1'))
            .whereRaw('r.legal_basis_register_id = pairs.register_id')
            .whereRaw('r.legal_basis_activity_id = pairs.activity_id')
            .whereRaw('r.entity_ref = pairs.entity_ref')
            .whereRaw('r.output_port = pairs.output_port')
            .where('r.ends_at', '>', at.getTime())
            .whereExists(this.auditOf('approve', ['approve'], at))
            .whereNotExists(this.auditOf('ended', ENDING, at)),
        ),
      )
      .select('register_id', 'activity_id', 'entity_ref', 'output_port')
      .orderBy(['register_id', 'activity_id', 'entity_ref', 'output_port']);
    const activities = new Map<
      string,
      PersonalDataAccessReport['activities'][number]
    >();
    const keyOf = (registerId: string, activityId: string) =>
      JSON.stringify([registerId, activityId]);
    for (const pair of pairs) {
      const key = keyOf(pair.register_id, pair.activity_id);
      if (!activities.has(key)) {
        activities.set(key, {
          registerId: pair.register_id,
          activityId: pair.activity_id,
          name: pair.activity_id,
          ports: [],
        });
      }
      activities.get(key)!.ports.push({
        entityRef: pair.entity_ref,
        outputPort: pair.output_port,
      });
    }
    for (const { snapshot } of await this.nameSamples([
      ...activities.values(),
    ])) {
      const basis = JSON.parse(snapshot) as LegalBasisSnapshot;
      const activity = activities.get(keyOf(basis.registerId, basis.id));
      if (activity) activity.name = basis.name;
    }
    return [...activities.values()];
  }

  /**
   * One snapshot of each activity, for its name: an index seek each, in
   * statements of a few hundred (SQLite allows 500 parts to a UNION).
   */
  private async nameSamples(
    activities: Array<{ registerId: string; activityId: string }>,
  ): Promise<Array<{ snapshot: string }>> {
    const db = this.db;
    const samples: Array<{ snapshot: string }> = [];
    for (let i = 0; i < activities.length; i += NAMES_PER_STATEMENT) {
      const [first, ...rest] = activities
        .slice(i, i + NAMES_PER_STATEMENT)
        .map((activity, j) =>
          db
            .select('*')
            .from(
              db(REQUESTS)
                .where('legal_basis_register_id', activity.registerId)
                .where('legal_basis_activity_id', activity.activityId)
                .select({ snapshot: 'legal_basis_snapshot' })
                .limit(1)
                .as(`a${j}`),
            ),
        );
      samples.push(...(await first.unionAll(rest)));
    }
    return samples;
  }

  /** Approvals (`a`) of requests (`r`) with a legal basis, active at `at`. */
  private activeAt(at: Date) {
    const time = at.getTime();
    return this.db(`${AUDIT} as a`)
      .join(`${REQUESTS} as r`, 'r.id', 'a.request_id')
      .where('a.action', 'approve')
      .where('a.at', '<=', time)
      .whereNotNull('r.legal_basis_snapshot')
      .where('r.ends_at', '>', time)
      .whereNotExists(this.auditOf('c', ENDING, at));
  }

  /**
   * Audit rows (as `alias`) of request `r` with one of `actions` at or
   * before `at`: a probe of the request's few rows. (`|| ''` keeps SQLite
   * from walking every such action of the table by the action index.)
   */
  private auditOf(alias: string, actions: string[], at: Date) {
    return this.db(`${AUDIT} as ${alias}`)
      .select(this.db.raw('1'))
      .whereRaw('??.request_id = r.id', [alias])
      .whereRaw(`?? || '' in (${actions.map(() => '?').join(', ')})`, [
        `${alias}.action`,
        ...actions,
      ])
      .where(`${alias}.at`, '<=', at.getTime());
  }
}

/**
 * EXISTS of a subquery run for each outer row. PostgreSQL would otherwise
 * turn it into one join over every grant in force; OFFSET 0 keeps it a
 * probe. SQLite probes each row as it is.
 */
function probeEach(db: Knex, subquery: Knex.QueryBuilder) {
  return db.client.config.client === 'pg'
    ? db.raw('EXISTS (? OFFSET 0)', [subquery])
    : db.raw('EXISTS ?', [subquery]);
}

function rowOf(row: GrantRow): PersonalDataAccessRow {
  const basis = JSON.parse(row.legal_basis_snapshot) as LegalBasisSnapshot;
  const activity: PersonalDataAccessRow['activity'] = {
    registerId: basis.registerId,
    activityId: basis.id,
    name: basis.name,
  };
  if (basis.number) activity.number = basis.number;
  if (basis.art6Basis) activity.art6Basis = basis.art6Basis;
  if (basis.art9Basis) activity.art9Basis = basis.art9Basis;
  if (basis.nationalLaw) activity.nationalLaw = basis.nationalLaw;
  if (basis.link) activity.link = basis.link;
  return {
    requestId: row.id,
    entityRef: row.entity_ref,
    outputPort: row.output_port,
    subjectRef: row.subject_ref,
    requesterRef: row.requester_ref,
    purpose: row.purpose,
    activity,
    approvedAt: new Date(Number(row.approved_at)).toISOString(),
    approvedBy: row.approved_by,
    endsAt: new Date(Number(row.ends_at)).toISOString(),
  };
}
