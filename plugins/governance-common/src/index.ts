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
export * from './client';
