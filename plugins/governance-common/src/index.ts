/**
 * Shared contracts of the governance plugins: ADRs, opinions and policy checks.
 *
 * @packageDocumentation
 */

export * from './adr';
export * from './opinions';
export * from './policies';
export * from './helpers';
