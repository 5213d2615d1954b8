import { csvCell, csvLine } from './csv';

describe('csv', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example","x")',
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    ],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
  ])('makes %j plain text', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks and leaves other text alone', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('user:default/ada')).toBe('"user:default/ada"');
    expect(csvCell(undefined)).toBe('""');
    expect(csvLine(['a', 1, null])).toBe('"a","1",""\r\n');
  });
});
