import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { AccessGrant } from '@datamesh-governance/plugin-data-products-node';
import type { PostgresConnection, PostgresProvisionerOptions } from './config';
import { objectName } from './identifiers';
import { roleOf } from './roles';

/** What one grant touches: checked names only, nothing read from the entity unchecked. */
export type GrantTarget = {
  connection: PostgresConnection;
  schema: string;
  /** The port's named tables; undefined means every table in the schema. */
  tables?: string[];
  role: string;
  /** Says which grant this is in errors. */
  label: string;
};

/**
 * Resolves a grant to a configured connection, checked schema and table
 * names, and the subject's role. Throws before any connection is made.
 */
export function targetOf(
  grant: AccessGrant,
  options: PostgresProvisionerOptions,
): GrantTarget {
  const { server } = grant;
  const port = `Output port ${grant.outputPort} of ${grant.entityRef}`;
  if (typeof server.host !== 'string' || typeof server.database !== 'string') {
    throw new InputError(
      `${port} needs server.host and server.database to be provisioned in PostgreSQL`,
    );
  }
  const host = server.host.toLocaleLowerCase('en-US');
  // The entity only picks among configured connections: it never says
  // where to connect or with which credentials.
  const connection = options.connections.find(
    c => c.serves.host === host && c.serves.database === server.database,
  );
  if (!connection) {
    throw new NotFoundError(
      `No PostgreSQL connection is configured for ${host}/${server.database} (${port}); add one under dataProducts.provisioners.postgres.connections`,
    );
  }

  const schema = objectName(server.schema, `${port}: server.schema`);
  if (connection.schemas && !connection.schemas.has(schema)) {
    // The entity is not trusted to pick any schema the provisioner may grant on.
    throw new NotAllowedError(
      `${port} names schema ${schema}, which dataProducts.provisioners.postgres.connections.${connection.name}.schemas does not list`,
    );
  }
  let tables: string[] | undefined;
  if (server.tables !== undefined) {
    if (!Array.isArray(server.tables) || server.tables.length === 0) {
      throw new InputError(
        `${port}: server.tables must be a non-empty list of table names`,
      );
    }
    tables = [
      ...new Set(
        server.tables.map((table, i) =>
          objectName(table, `${port}: server.tables[${i}]`),
        ),
      ),
    ];
  }

  return {
    connection,
    schema,
    tables,
    role: roleOf(grant.subjectRef, options.roles),
    label: `${grant.subjectRef} on ${connection.name}: ${schema}`,
  };
}
