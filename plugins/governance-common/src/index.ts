/**
 * Shared contracts of the governance plugins: ADRs, opinions, policy checks,
 * permissions, and the client of the governance backend.
 *
 * @packageDocumentation
 */

export * from './adr';
export * from './opinions';
export * from './policies';
export * from './helpers';
export * from './permissions';
export * from './search';
export * from './fieldIssues';
// The backend's API, generated from its OpenAPI spec
// (plugins/governance-backend/src/schema/openapi.yaml); the models it speaks
// are the types above.
export { GovernanceApiClient } from './generated';
export type { TypedResponse, RequestOptions } from './generated';
