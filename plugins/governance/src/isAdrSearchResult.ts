import { GOVERNANCE_ADR_SEARCH_TYPE } from '@datamesh-governance/plugin-governance-common';

/**
 * Search results the governance collator indexed (type `governance-adr`),
 * and not the community ADR plugin's `adr` documents.
 * @public
 */
export function isAdrSearchResult(result: { type: string }): boolean {
  return result.type === GOVERNANCE_ADR_SEARCH_TYPE;
}
