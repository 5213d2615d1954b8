import { isAdrSearchResult } from './isAdrSearchResult';

describe('isAdrSearchResult', () => {
  it("takes the governance collator's documents, not the community ADR plugin's", () => {
    expect(isAdrSearchResult({ type: 'governance-adr' })).toBe(true);
    expect(isAdrSearchResult({ type: 'adr' })).toBe(false);
    expect(isAdrSearchResult({ type: 'software-catalog' })).toBe(false);
  });
});
