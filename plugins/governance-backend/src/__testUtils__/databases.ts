import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL 15 where
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING points at one
 * (scripts/test and CI set it).
 */
export const databaseIds: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];

export function createTestDatabases() {
  return TestDatabases.create({ ids: databaseIds });
}
