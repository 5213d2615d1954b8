import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type {
  AccessGrant,
  AccessProvisioner,
} from '@datamesh-governance/plugin-data-products-node';
import knexFactory, { Knex } from 'knex';
import { PostgresProvisionerOptions, readProvisionerOptions } from './config';
import { connectFailure, statementFailure, where } from './failures';
import {
  grantStatements,
  revokeSelectStatement,
  revokeUsageStatement,
} from './statements';
import { GrantTarget, targetOf } from './target';

/** Relation kinds SELECT applies to: tables, partitioned, views, materialised, foreign. */
const READABLE_KINDS = ['r', 'p', 'v', 'm', 'f'];

/**
 * Grants a subject's database role USAGE on an output port's schema and
 * SELECT on its tables (all of them, or the port's `server.tables`), and
 * takes them back. Both are idempotent.
 * @public
 */
export class PostgresAccessProvisioner implements AccessProvisioner {
  readonly serverTypes = ['postgres'];

  /** Undefined when `dataProducts.provisioners.postgres` is not configured. */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): PostgresAccessProvisioner | undefined {
    const read = readProvisionerOptions(config);
    return read && new PostgresAccessProvisioner(read, options.logger);
  }

  // Built from config only, so its options type stays the module's own.
  private constructor(
    private readonly options: PostgresProvisionerOptions,
    private readonly logger?: LoggerService,
  ) {}

  async grant(grant: AccessGrant): Promise<void> {
    const target = targetOf(grant, this.options);
    await this.inTransaction(target, 'grant read access', async trx => {
      await requireRole(trx, target);
      await requireRelations(trx, target);
      for (const statement of grantStatements(target)) {
        await trx.raw(statement);
      }
      // PostgreSQL only warns when the grantor lacks GRANT OPTION on some
      // tables, so read back what the role can read now.
      await requireReadable(trx, target);
    });
    this.logger?.info(`Granted ${target.role} read access`, {
      grantId: grant.id,
      connection: target.connection.name,
      schema: target.schema,
    });
  }

  async revoke(grant: AccessGrant): Promise<void> {
    const target = targetOf(grant, this.options);
    await this.inTransaction(target, 'revoke read access', async trx => {
      // A role or schema that is gone holds nothing to take back.
      if (!(await roleExists(trx, target.role))) return;
      if (!(await schemaExists(trx, target.schema))) return;
      const tables = target.tables && (await existing(trx, target));
      if (!tables || tables.length > 0) {
        await trx.raw(revokeSelectStatement({ ...target, tables }));
      }
      // Another port's tables in the same schema keep the schema usable.
      if (!(await holdsTablePrivileges(trx, target))) {
        await trx.raw(revokeUsageStatement(target));
      }
    });
    this.logger?.info(`Revoked ${target.role}'s read access`, {
      grantId: grant.id,
      connection: target.connection.name,
      schema: target.schema,
    });
  }

  private async inTransaction(
    target: GrantTarget,
    what: string,
    work: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<void> {
    const { connection } = target;
    const { timeoutMs } = this.options;
    // One short-lived connection per job: jobs are rare, and nothing stays
    // open between them.
    const db = knexFactory({
      client: 'pg',
      connection: {
        host: connection.host,
        port: connection.port,
        database: connection.database,
        user: connection.user,
        password: connection.password,
        ssl: connection.ssl,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        application_name: 'backstage-data-products-provisioner',
      },
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: timeoutMs + 1000,
      // Failures reach the caller with context; knex would print them again.
      log: {
        warn: message => this.logger?.debug(String(message)),
        error: message => this.logger?.debug(String(message)),
        deprecate: () => {},
        debug: () => {},
      },
    });
    try {
      let trx: Knex.Transaction;
      try {
        trx = await db.transaction();
      } catch (error) {
        throw connectFailure(error, connection);
      }
      try {
        // Concurrent GRANTs on one schema can fail with "tuple concurrently
        // updated"; jobs for the same schema take turns instead.
        await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
          `data-products-provisioner:${target.schema}`,
        ]);
        await work(trx);
        await trx.commit();
      } catch (error) {
        await trx.rollback().catch(() => {});
        throw statementFailure(error, connection, `${what} (${target.label})`);
      }
    } finally {
      await db.destroy();
    }
  }
}

async function roleExists(trx: Knex.Transaction, role: string) {
  const rows = await trx('pg_roles').where('rolname', role).select('oid');
  return rows.length > 0;
}

async function schemaExists(trx: Knex.Transaction, schema: string) {
  const rows = await trx('pg_namespace').where('nspname', schema).select('oid');
  return rows.length > 0;
}

function relationsOf(trx: Knex.Transaction, target: GrantTarget) {
  const query = trx('pg_class as c')
    .join('pg_namespace as n', 'n.oid', 'c.relnamespace')
    .where('n.nspname', target.schema)
    .whereIn('c.relkind', READABLE_KINDS);
  return target.tables ? query.whereIn('c.relname', target.tables) : query;
}

async function existing(trx: Knex.Transaction, target: GrantTarget) {
  const rows = await relationsOf(trx, target).select('c.relname');
  return rows.map(row => row.relname as string);
}

async function requireRole(trx: Knex.Transaction, target: GrantTarget) {
  if (!(await roleExists(trx, target.role))) {
    throw new NotFoundError(
      `No database role "${target.role}" exists for ${target.label} on ${where(
        target.connection,
      )}; the provisioner does not create roles: create it, or map the subject to an existing one`,
    );
  }
}

async function requireRelations(trx: Knex.Transaction, target: GrantTarget) {
  if (!(await schemaExists(trx, target.schema))) {
    throw new NotFoundError(
      `Schema ${target.schema} does not exist on ${where(target.connection)}`,
    );
  }
  if (target.tables) {
    const found = new Set(await existing(trx, target));
    const missing = target.tables.filter(t => !found.has(t));
    if (missing.length > 0) {
      throw new NotFoundError(
        `Schema ${target.schema} on ${where(
          target.connection,
        )} has no table ${missing.join(', ')}`,
      );
    }
  }
}

async function requireReadable(trx: Knex.Transaction, target: GrantTarget) {
  const unreadable = await relationsOf(trx, target)
    .whereRaw("NOT has_table_privilege(?, c.oid, 'SELECT')", [target.role])
    .select('c.relname');
  const [{ usage }] = await trx
    .select(
      trx.raw("has_schema_privilege(?, oid, 'USAGE') AS usage", [target.role]),
    )
    .from('pg_namespace')
    .where('nspname', target.schema);
  if (!usage || unreadable.length > 0) {
    throw new NotAllowedError(
      `After the GRANT, ${target.role} still cannot read ${
        usage ? unreadable.map(r => r.relname).join(', ') : 'the schema'
      } in ${target.schema} on ${where(
        target.connection,
      )}: the provisioner's user must own them or hold SELECT WITH GRANT OPTION`,
    );
  }
}

/** Whether the role still holds privileges granted directly on tables in the schema. */
async function holdsTablePrivileges(
  trx: Knex.Transaction,
  target: GrantTarget,
) {
  const { rows } = await trx.raw(
    `SELECT 1 FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL aclexplode(c.relacl) acl
       JOIN pg_roles r ON r.oid = acl.grantee
      WHERE n.nspname = ? AND r.rolname = ?
      LIMIT 1`,
    [target.schema, target.role],
  );
  return rows.length > 0;
}
