import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
  ])('escapes %j so a spreadsheet does not run it', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('team-benefits')).toBe('team-benefits');
    expect(csvCell('user:default/ada.analyst')).toBe(
      'user:default/ada.analyst',
    );
  });

  it('writes numbers as numbers (a negative number is no formula) and absent values empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('joins a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['Product', 'Open'],
        [
          ['=evil', 2],
          ['b', null],
        ],
      ),
    ).toBe("Product,Open\r\n'=evil,2\r\nb,\r\n");
  });
});
