import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, OLAV, requestBody } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { MIGRATIONS_DIRECTORY } from './migrations';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const postgres = databaseIds.filter(id => id.startsWith('POSTGRES'));
// Replicas share a database server, which SQLite in memory cannot be.
const describePostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);

describePostgres('two replicas on one %s database', databaseId => {
  let first: Awaited<ReturnType<typeof startDataProductsBackend>>;
  let second: Awaited<ReturnType<typeof startDataProductsBackend>>;
  let secondPool: Knex;

  beforeAll(async () => {
    // The first replica migrates a fresh database ...
    first = await startDataProductsBackend(databases, databaseId);
    // ... the second starts later, with its own connection pool.
    secondPool = knexFactory({
      client: 'pg',
      connection: first.knex.client.config.connection,
      pool: { min: 1, max: 5 },
    });
    second = await startDataProductsBackend(databases, databaseId, secondPool);
  });

  afterAll(async () => {
    await second?.backend.stop();
    await first?.backend.stop();
    await secondPool?.destroy();
  });

  it('leaves every migration applied exactly once', async () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIRECTORY)
      .filter(file => /\.(js|ts)$/.test(file));
    const applied = await secondPool('knex_migrations').select('name');
    expect(applied.map(row => row.name).sort()).toEqual(files.sort());
  });

  it('serves what one replica wrote from the other, both ways', async () => {
    const created = await first.http
      .post('/api/data-products/requests')
      .set(as.user(ADA))
      .send(requestBody());
    expect(created.status).toBe(201);
    const id = created.body.id;

    const queue = await second.http
      .get('/api/data-products/requests?role=approver&status=pending')
      .set(as.user(OLAV));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const approved = await second.http
      .post(`/api/data-products/requests/${id}/approve`)
      .set(as.user(OLAV))
      .send({ reason: 'Covered by the activity' });
    expect(approved.status).toBe(200);

    const seenByFirst = await first.http
      .get(`/api/data-products/requests/${id}`)
      .set(as.user(ADA));
    expect(seenByFirst.status).toBe(200);
    expect(seenByFirst.body.status).toBe('approved');
    expect(
      seenByFirst.body.audit.map((a: { action: string }) => a.action),
    ).toEqual(['create', 'approve']);
  });
});
