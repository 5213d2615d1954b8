/** Search results the governance collator indexed: one document per ADR. @public */
export function isAdrSearchResult(result: { type: string }): boolean {
  return result.type === 'adr';
}
