/**
 * Shared contracts of the governance plugins: ADRs, opinions, policy checks,
 * permissions, and the client of the governance backend.
 *
 * @packageDocumentation
 */

export * from './adr';
export * from './opinions';
export * from './problems';
export * from './decisions';
export * from './policies';
export * from './helpers';
export * from './permissions';
export * from './search';
export * from './fieldIssues';
// The backend's API, generated from its OpenAPI spec
// (plugins/governance-backend/src/schema/openapi.yaml): the client, the
// requests its methods take and every model of the spec (the types above
// are these models, not copies).
export { GovernanceApiClient } from './generated';
export type * from './generated';
