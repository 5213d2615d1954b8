import { quoted } from './identifiers';

/** The checked names a grant's SQL is made of. @public */
export type Privileges = { schema: string; tables?: string[]; role: string };

function onTables({ schema, tables }: Privileges): string {
  return tables
    ? `TABLE ${tables.map(t => `${quoted(schema)}.${quoted(t)}`).join(', ')}`
    : `ALL TABLES IN SCHEMA ${quoted(schema)}`;
}

/** GRANT statements for read access; also what an owner runs by hand. @public */
export function grantStatements(p: Privileges): string[] {
  return [
    `GRANT USAGE ON SCHEMA ${quoted(p.schema)} TO ${quoted(p.role)}`,
    `GRANT SELECT ON ${onTables(p)} TO ${quoted(p.role)}`,
  ];
}

/** Takes SELECT back; the schema's USAGE is a separate step (see revokeUsageStatement). */
export function revokeSelectStatement(p: Privileges): string {
  return `REVOKE SELECT ON ${onTables(p)} FROM ${quoted(p.role)}`;
}

export function revokeUsageStatement(p: Privileges): string {
  return `REVOKE USAGE ON SCHEMA ${quoted(p.schema)} FROM ${quoted(p.role)}`;
}

/** Both steps of a revoke, for an owner who applies it by hand. @public */
export function revokeStatements(p: Privileges): string[] {
  return [revokeSelectStatement(p), revokeUsageStatement(p)];
}
