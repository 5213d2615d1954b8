import { randomBytes } from 'crypto';
import knexFactory, { Knex } from 'knex';

/** The real PostgreSQL the store tests use; unset means no PostgreSQL here. */
export const adminConnectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

function connect(config: Knex.PgConnectionConfig): Knex {
  return knexFactory({
    client: 'pg',
    connection: config,
    pool: { min: 0, max: 2 },
  });
}

/**
 * A database and LOGIN roles made for one test file and dropped after it.
 * Roles are cluster-wide, so every name carries a random suffix.
 */
export class ThrowawayPostgres {
  readonly suffix = randomBytes(4).toString('hex');
  readonly database = `dp_provisioner_test_${this.suffix}`;
  readonly host: string;
  readonly port: number;
  private readonly roles: string[] = [];
  private readonly opened = new Map<string, Knex>();
  private readonly adminUser: string;
  private readonly adminPassword?: string;
  private readonly connectionString: string;
  private admin?: Knex;

  constructor(connectionString: string) {
    const url = new URL(connectionString);
    this.host = url.hostname;
    this.port = Number(url.port || 5432);
    this.adminUser = decodeURIComponent(url.username || 'postgres');
    this.adminPassword = url.password
      ? decodeURIComponent(url.password)
      : undefined;
    this.connectionString = connectionString;
  }

  async create(): Promise<void> {
    // Connects here, not in the constructor, so a skipped suite opens nothing.
    this.admin = connect({ connectionString: this.connectionString });
    await this.admin.raw(`CREATE DATABASE "${this.database}"`);
  }

  /** A LOGIN role with a password; `name` should carry the suffix. */
  async role(name: string, password: string): Promise<string> {
    await this.admin!.raw(`CREATE ROLE "${name}" LOGIN PASSWORD '${password}'`);
    this.roles.push(name);
    return name;
  }

  /** Drops a role made by hand in a test along with the others. */
  dropLater(role: string): void {
    this.roles.push(role);
  }

  /** A connection to the throwaway database as `user`, one per user. */
  as(user: string, password?: string): Knex {
    let db = this.opened.get(user);
    if (!db) {
      db = connect({
        host: this.host,
        port: this.port,
        database: this.database,
        user,
        password,
      });
      this.opened.set(user, db);
    }
    return db;
  }

  /** The throwaway database as the admin user of the connection string. */
  asAdmin(): Knex {
    return this.as(this.adminUser, this.adminPassword);
  }

  async drop(): Promise<void> {
    await Promise.all([...this.opened.values()].map(db => db.destroy()));
    if (!this.admin) return;
    await this.admin.raw(
      `DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`,
    );
    for (const role of this.roles.reverse()) {
      await this.admin.raw(`DROP ROLE IF EXISTS "${role}"`);
    }
    await this.admin.destroy();
  }
}
