import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { failureOf } from '../__testUtils__/failureOf';
import { newRequest } from '../__testUtils__/fixtures';
import { AccessRequestStore } from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databaseIds)('the channel column on %s', databaseId => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  });

  it('records where a request was filed, portal unless said otherwise', async () => {
    const store = new AccessRequestStore(knex);
    const portal = await store.create(newRequest());
    const assistant = await store.create(
      newRequest({
        requesterRef: 'user:default/olav',
        subjectRef: 'user:default/olav',
        channel: 'assistant',
      }),
    );
    expect(portal.request.channel).toBe('portal');
    expect(assistant.request.channel).toBe('assistant');
  });

  it('rolls back without losing the table’s constraints', async () => {
    // Undo the later migrations, then the channel one.
    while (
      (await knex.migrate.currentVersion({
        directory: MIGRATIONS_DIRECTORY,
      })) >= '20261230100000'
    ) {
      await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
    }
    expect(await knex.schema.hasColumn('access_requests', 'channel')).toBe(
      false,
    );
    const requester = `user:default/self-${databaseId}`;
    await knex('access_requests').insert({
      id: '00000000-0000-4000-8000-000000000001',
      entity_ref: 'dataproduct:default/benefit-decisions',
      output_port: 'decisions_v1',
      subject_ref: 'group:default/requesters',
      requester_ref: requester,
      purpose: 'Statistics on decisions for the yearly report',
      approval_mode: 'required',
      status: 'pending',
      ends_at: Date.now() + 86_400_000,
      created_at: Date.now(),
      updated_at: Date.now(),
    });
    expect(
      await failureOf(
        knex('access_requests')
          .where({ requester_ref: requester })
          .update({ decided_by: requester, status: 'approved' }),
      ),
    ).toMatch(/access_requests_no_self_decision|CHECK constraint failed/);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasColumn('access_requests', 'channel')).toBe(
      true,
    );
  });
});
