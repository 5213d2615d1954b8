/**
 * The search document type of the governance collator. Our own, not the
 * community ADR plugin's `adr`, so that neither result item renders the
 * other's documents.
 * @public
 */
export const GOVERNANCE_ADR_SEARCH_TYPE = 'governance-adr';
