/**
 * Search collator for the governance plugin's ADRs.
 *
 * @packageDocumentation
 */

export { searchModuleGovernanceCollator as default } from './module';
export { AdrCollatorFactory } from './AdrCollatorFactory';
export type { AdrDocument } from './AdrCollatorFactory';
