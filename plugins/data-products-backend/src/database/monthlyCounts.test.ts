import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest, OLAV } from '../__testUtils__/fixtures';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { PastEvents } from './PastEvents';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MONTHLY = 'access_request_monthly_counts';
const MIGRATION = '20261231100000_access_monthly_counts.js';
const jan = (day: number) => Date.UTC(2026, 0, day);
const feb = (day: number) => Date.UTC(2026, 1, day);
const BENEFITS = 'dataproduct:default/benefit-decisions';

async function monthlyRows(knex: Knex) {
  const rows = await knex(MONTHLY).orderBy(['month_start', 'output_port']);
  return rows.map(row => ({
    month: new Date(Number(row.month_start)).toISOString().slice(0, 7),
    port: row.output_port,
    created: Number(row.created),
    approved: Number(row.approved),
    rejected: Number(row.rejected),
    automatic: Number(row.automatic),
    ownerDecided: Number(row.owner_decided),
    leftQueue: Number(row.left_queue),
    revoked: Number(row.revoked),
  }));
}

/** Three requests over two months: approved by an owner, automatic, rejected and revoked. */
async function history(knex: Knex) {
  const past = new PastEvents(knex);
  const ada = await past
    .at(jan(31))
    .create(
      newRequest({ endsAt: new Date(Date.UTC(2027, 0, 1)).toISOString() }),
    );
  await past.at(jan(31) + 3_600_000).decide(ada.id, 'approve', OLAV);
  const who = 'user:default/bo';
  await past.at(feb(1)).create(
    newRequest({
      requesterRef: who,
      subjectRef: who,
      outputPort: 'counts_v1',
      approvalMode: 'auto',
    }),
    { automatic: true },
  );
  const rejected = await past
    .at(feb(2))
    .create(newRequest({ requesterRef: who, subjectRef: who }));
  await past.at(feb(3)).decide(rejected.id, 'reject', OLAV);
  await past.at(feb(28)).close(ada.id, 'revoke', OLAV);
}

const expected = [
  {
    month: '2026-01',
    port: 'decisions_v1',
    created: 1,
    approved: 1,
    rejected: 0,
    automatic: 0,
    ownerDecided: 1,
    leftQueue: 1,
    revoked: 0,
  },
  {
    month: '2026-02',
    port: 'counts_v1',
    created: 1,
    approved: 1,
    rejected: 0,
    automatic: 1,
    ownerDecided: 0,
    leftQueue: 1,
    revoked: 0,
  },
  {
    month: '2026-02',
    port: 'decisions_v1',
    created: 1,
    approved: 0,
    rejected: 1,
    automatic: 0,
    ownerDecided: 1,
    leftQueue: 1,
    revoked: 1,
  },
];

describe.each(databaseIds)('monthly counts on %s', databaseId => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  });

  it('adds every counted event to its UTC month and port as it is written', async () => {
    await history(knex);
    expect(await monthlyRows(knex)).toEqual(expected);
    expect(
      (await knex(MONTHLY).select('entity_ref')).every(
        row => row.entity_ref === BENEFITS,
      ),
    ).toBe(true);
  });

  it('counts the events written before the migration once, and rolls back', async () => {
    // Only this migration: later ones stay as they are.
    await knex.migrate.down({
      directory: MIGRATIONS_DIRECTORY,
      name: MIGRATION,
    });
    expect(await knex.schema.hasTable(MONTHLY)).toBe(false);
    await history(knex); // no trigger yet: only the audit trail
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasTable(MONTHLY)).toBe(true);
    expect(await monthlyRows(knex)).toEqual(expected);
  });
});
