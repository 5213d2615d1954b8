import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { failureOf } from '../__testUtils__/failureOf';
import { AdrStatusStore } from './AdrStatusStore';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { OpinionStore } from './OpinionStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADR = 'decisions--0042-data-contracts';
const OTHER = 'decisions--0043-other';
const LEO = 'user:default/leo.legal';
const ADA = 'user:default/ada.analyst';

describe.each(databaseIds)('AdrStatusStore on %s', databaseId => {
  let knex: Knex;
  let store: AdrStatusStore;
  let opinions: OpinionStore;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new AdrStatusStore(knex);
    opinions = new OpinionStore(knex);
  });

  it('starts the record at the first sighting, without a snapshot, even of a decided ADR', async () => {
    const recorded = await store.record(
      [
        { adrId: ADR, status: 'proposed', date: '2026-11-20' },
        { adrId: OTHER, status: 'accepted' },
      ],
      1_000,
    );
    expect(recorded).toEqual([
      {
        adrId: ADR,
        sequence: 1,
        toStatus: 'proposed',
        adrDate: '2026-11-20',
        seenAt: new Date(1_000).toISOString(),
      },
      {
        adrId: OTHER,
        sequence: 1,
        toStatus: 'accepted',
        seenAt: new Date(1_000).toISOString(),
      },
    ]);
    expect(await store.latest(OTHER)).not.toHaveProperty('snapshot');
  });

  it('records a status seen twice once, and a decision with the opinions at that moment', async () => {
    await store.record([{ adrId: ADR, status: 'proposed' }], 1_000);
    expect(
      await store.record([{ adrId: ADR, status: 'proposed' }], 2_000),
    ).toEqual([]);
    await opinions.record(
      ADR,
      LEO,
      { stance: 'concern', perspective: 'legal', comment: 'Art. 9?' },
      2_500,
    );
    await opinions.record(
      ADR,
      ADA,
      { stance: 'support', perspective: 'consumer', comment: 'Yes.' },
      2_600,
    );

    const [decision] = await store.record(
      [{ adrId: ADR, status: 'accepted', date: '2026-12-01' }],
      3_000,
    );
    expect(decision).toMatchObject({
      sequence: 2,
      fromStatus: 'proposed',
      toStatus: 'accepted',
      adrDate: '2026-12-01',
      seenAt: new Date(3_000).toISOString(),
    });
    expect(decision.snapshot?.counts.legal).toEqual({
      support: 0,
      concern: 1,
      object: 0,
    });
    expect(decision.snapshot?.counts.consumer.support).toBe(1);
    expect(
      decision.snapshot?.opinions.map(o => [
        o.authorRef,
        o.perspective,
        o.stance,
        o.comment,
        o.updatedAt,
      ]),
    ).toEqual([
      [ADA, 'consumer', 'support', 'Yes.', new Date(2_600).toISOString()],
      [LEO, 'legal', 'concern', 'Art. 9?', new Date(2_500).toISOString()],
    ]);

    // Seen again by the next refresh: nothing new.
    expect(
      await store.record([{ adrId: ADR, status: 'accepted' }], 4_000),
    ).toEqual([]);
    // An opinion written afterwards (bypassing the service) does not change the snapshot.
    await opinions.record(
      ADR,
      LEO,
      { stance: 'object', perspective: 'legal', comment: 'Late.' },
      5_000,
    );
    const history = await store.history(ADR);
    expect(history.map(c => [c.sequence, c.fromStatus, c.toStatus])).toEqual([
      [1, undefined, 'proposed'],
      [2, 'proposed', 'accepted'],
    ]);
    expect(history[1].snapshot).toEqual(decision.snapshot);
  });

  it('takes no snapshot for a change that is not a decision, and one for superseding', async () => {
    await store.record([{ adrId: ADR, status: 'accepted' }], 1_000);
    const [deprecated] = await store.record(
      [{ adrId: ADR, status: 'deprecated' }],
      2_000,
    );
    expect(deprecated).toMatchObject({ fromStatus: 'accepted' });
    expect(deprecated).not.toHaveProperty('snapshot');
    const [superseded] = await store.record(
      [{ adrId: ADR, status: 'superseded' }],
      3_000,
    );
    expect(superseded.snapshot).toMatchObject({ opinions: [] });
  });

  it('ignores a sighting older than the last recorded one', async () => {
    await store.record([{ adrId: ADR, status: 'proposed' }], 1_000);
    await store.record([{ adrId: ADR, status: 'accepted' }], 3_000);
    // A replica that read the file before the change finishes late.
    expect(
      await store.record([{ adrId: ADR, status: 'proposed' }], 2_000),
    ).toEqual([]);
    expect((await store.latest(ADR))?.toStatus).toBe('accepted');
  });

  it('answers the newest 100 changes, oldest first', async () => {
    for (let i = 0; i < 105; i += 1) {
      await store.record(
        [{ adrId: ADR, status: i % 2 ? 'deprecated' : 'proposed' }],
        i,
      );
    }
    const history = await store.history(ADR);
    expect(history).toHaveLength(100);
    expect(history[0].sequence).toBe(6);
    expect(history[99].sequence).toBe(105);
  });

  it('refuses to update or delete the record, even bypassing the store', async () => {
    await store.record([{ adrId: ADR, status: 'proposed' }], 1_000);
    const table = () => knex('governance_adr_status_changes');
    expect(await failureOf(table().update({ to_status: 'accepted' }))).toMatch(
      /append-only/,
    );
    expect(await failureOf(table().delete())).toMatch(/append-only/);
    expect(await store.history(ADR)).toHaveLength(1);
  });

  it('migrates down and up again', async () => {
    await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
    expect(await knex.schema.hasTable('governance_adr_status_changes')).toBe(
      false,
    );
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await store.record([{ adrId: ADR, status: 'proposed' }], 1)).toEqual(
      [expect.objectContaining({ sequence: 1 })],
    );
  });
});
