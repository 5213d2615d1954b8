/**
 * Backend of the governance plugin: ADRs, opinions and policy checks.
 *
 * @packageDocumentation
 */

export { governancePlugin as default } from './plugin';
