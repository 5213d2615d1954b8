import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { MIGRATIONS_DIRECTORY } from './migrations';
import { PersonalDataReportStore } from './PersonalDataReportStore';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const NOW = Date.UTC(2026, 10, 30);
/** More activities in use than SQLite takes parts in one UNION (500). */
const ACTIVITIES = 520;

describe.each(databaseIds)('the Art. 30 report on %s', databaseId => {
  it('names every processing activity in use, however many the register has', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const requests = Array.from({ length: ACTIVITIES }, (_, i) => {
      const requester = `user:default/analyst-${i}`;
      return {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        entity_ref: 'dataproduct:default/benefit-decisions',
        output_port: 'decisions_v1',
        subject_ref: requester,
        requester_ref: requester,
        purpose: 'Statistics on decisions for the yearly report',
        legal_basis_register_id: 'demo',
        legal_basis_activity_id: `activity-${i}`,
        legal_basis_snapshot: JSON.stringify({
          registerId: 'demo',
          id: `activity-${i}`,
          name: `Activity number ${i}`,
        }),
        approval_mode: 'required',
        status: 'approved',
        ends_at: NOW + 86_400_000,
        created_at: NOW - 7_200_000,
        updated_at: NOW - 3_600_000,
      };
    });
    for (let i = 0; i < requests.length; i += 100) {
      const batch = requests.slice(i, i + 100);
      await knex('access_requests').insert(batch);
      await knex('access_request_audit').insert(
        batch.map(r => ({
          request_id: r.id,
          action: 'approve',
          actor_ref: 'user:default/olav',
          from_status: 'pending',
          to_status: 'approved',
          at: NOW - 3_600_000,
        })),
      );
    }

    const activities = await new PersonalDataReportStore(knex).activities(
      new Date(NOW),
    );

    expect(activities).toHaveLength(ACTIVITIES);
    expect(
      activities.every(
        a => a.name === `Activity number ${a.activityId.slice(9)}`,
      ),
    ).toBe(true);
  });
});
