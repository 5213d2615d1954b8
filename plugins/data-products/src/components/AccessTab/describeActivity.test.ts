import { describeArt6, describeValidity } from './describeActivity';
import { b123, b311 } from './testData';

describe('describeValidity and describeArt6', () => {
  it('say what an activity rests on and when it holds', () => {
    expect(describeValidity(b123)).toBe('2021-01-01 – 2099-12-31');
    expect(describeValidity(b311)).toBe('from 2026-01-01');
    expect(describeValidity({ ...b123, validFrom: undefined })).toBe(
      'until 2099-12-31',
    );
    expect(describeValidity({ ...b311, validFrom: undefined })).toBe(
      'no dates given',
    );
    expect(describeArt6(b123)).toBe('Art. 6(1)(e) public task');
    expect(describeArt6(b311)).toBe('ART61E');
  });
});
