import {
  adrIdOf,
  emptyOpinionCounts,
  isAdrIdShaped,
  MAX_ADR_ID_LENGTH,
} from './helpers';

describe('adrIdOf', () => {
  it('joins source and file name and keeps the id URL-safe', () => {
    expect(adrIdOf('decisions', '0001-record-decisions.md')).toBe(
      'decisions--0001-record-decisions',
    );
    expect(adrIdOf('component:default/a b', 'Ja så.md')).toBe(
      'component-default-a-b--Ja-s-',
    );
  });
});

describe('emptyOpinionCounts', () => {
  it('has a zero for every perspective and stance', () => {
    const counts = emptyOpinionCounts();
    expect(Object.keys(counts)).toHaveLength(5);
    expect(counts.legal).toEqual({ support: 0, concern: 0, object: 0 });
  });
});

describe('isAdrIdShaped', () => {
  it('takes what adrIdOf makes, up to the column size, and nothing else', () => {
    expect(isAdrIdShaped(adrIdOf('component:default/a b', 'Ja så.md'))).toBe(
      true,
    );
    expect(isAdrIdShaped('a'.repeat(MAX_ADR_ID_LENGTH))).toBe(true);
    for (const value of [
      '',
      'a'.repeat(MAX_ADR_ID_LENGTH + 1),
      'a\u0000b',
      '../etc',
      'a b',
      '🦄',
    ]) {
      expect(isAdrIdShaped(value)).toBe(false);
    }
  });
});
