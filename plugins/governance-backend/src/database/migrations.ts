import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@datamesh-governance/plugin-governance-backend',
  'migrations',
);

/** Brings the plugin's tables up to date, unless the adopter runs migrations elsewhere. */
export async function applyMigrations(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** For tests: the migrations folder, to run them up and down. */
export const MIGRATIONS_DIRECTORY = migrationsDir;
