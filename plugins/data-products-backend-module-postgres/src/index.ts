/**
 * Applies data product access grants in PostgreSQL.
 *
 * @packageDocumentation
 */

export { dataProductsModulePostgres as default } from './module';
export { PostgresAccessProvisioner } from './PostgresAccessProvisioner';
export {
  grantStatements,
  revokeStatements,
  type Privileges,
} from './statements';
