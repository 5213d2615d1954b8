import { Knex } from 'knex';
import { failureOf } from '../__testUtils__/failureOf';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { newRequest } from '../__testUtils__/fixtures';
import { AccessRequestStore } from './AccessRequestStore';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databaseIds)('migrations on %s', databaseId => {
  // A fresh database for each test: the first one rolls everything back.
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  });

  it('migrate up, down and up again', async () => {
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasTable('access_requests')).toBe(true);
    expect(await knex.schema.hasTable('access_request_audit')).toBe(true);

    await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
    for (const table of [
      'access_requests',
      'access_request_audit',
      'access_request_deciders',
      'access_request_viewers',
      'access_request_idempotency',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }

    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasTable('access_requests')).toBe(true);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const store = new AccessRequestStore(knex);
    const { request } = await store.create(
      newRequest({
        requesterRef: `user:default/audit-${databaseId}`,
        subjectRef: `user:default/audit-${databaseId}`,
      }),
    );

    expect(
      await failureOf(
        knex('access_request_audit')
          .where({ request_id: request.id })
          .update({ actor_ref: 'user:default/forger' }),
      ),
    ).toMatch(/append-only/);
    expect(
      await failureOf(
        knex('access_request_audit').where({ request_id: request.id }).delete(),
      ),
    ).toMatch(/append-only/);
    expect(await store.getAudit(request.id)).toHaveLength(1);
  });

  it('refuses a decision by the requester even when domain code is bypassed', async () => {
    const store = new AccessRequestStore(knex);
    const requester = `user:default/self-${databaseId}`;
    const { request } = await store.create(
      newRequest({
        requesterRef: requester,
        subjectRef: 'group:default/requesters',
      }),
    );
    expect(
      await failureOf(
        knex('access_requests')
          .where({ id: request.id })
          .update({ decided_by: requester, status: 'approved' }),
      ),
    ).toMatch(/access_requests_no_self_decision|CHECK constraint failed/);
  });

  it('refuses a decision by the subject even when domain code is bypassed', async () => {
    const store = new AccessRequestStore(knex);
    const subject = `user:default/subject-${databaseId}`;
    const { request } = await store.create(
      newRequest({
        requesterRef: `user:default/asker-${databaseId}`,
        subjectRef: subject,
      }),
    );
    expect(
      await failureOf(
        knex('access_requests')
          .where({ id: request.id })
          .update({ decided_by: subject, status: 'approved' }),
      ),
    ).toMatch(/access_requests_no_subject_decision/);
  });

  it('moves the deciders of existing requests into the viewer table, and back', async () => {
    await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
    const [first] = (
      await knex.migrate.list({ directory: MIGRATIONS_DIRECTORY })
    )[1];
    await knex.migrate.up({
      directory: MIGRATIONS_DIRECTORY,
      name: first.file,
    });
    await knex('access_requests').insert({
      id: 'old-1',
      entity_ref: 'dataproduct:default/p',
      output_port: 'a',
      subject_ref: 'group:default/g',
      requester_ref: 'user:default/r',
      purpose: 'x',
      approval_mode: 'required',
      status: 'approved',
      ends_at: 2,
      created_at: 1,
      updated_at: 1,
    });
    await knex('access_request_deciders').insert([
      { request_id: 'old-1', decider_ref: 'group:default/owners' },
      { request_id: 'old-1', decider_ref: 'user:default/approver' },
    ]);

    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const rows = await knex('access_request_viewers')
      .where({ request_id: 'old-1' })
      .orderBy(['role', 'viewer_ref']);
    expect(
      rows.map(r => [r.role, r.viewer_ref, r.status, Number(r.ends_at)]),
    ).toEqual([
      ['decider', 'group:default/owners', 'approved', 2],
      ['decider', 'user:default/approver', 'approved', 2],
      ['requester', 'user:default/r', 'approved', 2],
      ['subject', 'group:default/g', 'approved', 2],
    ]);

    // Undo the later migrations, then the viewers one.
    while (
      (await knex.migrate.currentVersion({
        directory: MIGRATIONS_DIRECTORY,
      })) >= '20261130100000'
    ) {
      await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
    }
    expect(
      (await knex('access_request_deciders').where({ request_id: 'old-1' }))
        .map(r => r.decider_ref)
        .sort(),
    ).toEqual(['group:default/owners', 'user:default/approver']);
  });
});
