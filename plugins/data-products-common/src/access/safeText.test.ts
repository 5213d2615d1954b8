import { noNul, safeName, safeText } from './safeText';

const messagesOf = (result: { success: boolean; error?: any }) =>
  result.success ? [] : result.error.issues.map((i: any) => i.message);

describe('noNul', () => {
  it('refuses NUL anywhere and nothing else', () => {
    expect(noNul('a\u0000b')).toBe(false);
    expect(noNul('\u0000')).toBe(false);
    expect(noNul('tabs\tand\nlines, ünïcødé, 🙂')).toBe(true);
  });
});

describe('safeText', () => {
  it('trims, and keeps line breaks and unicode', () => {
    expect(safeText().parse('  two\nlines 🙂 ')).toBe('two\nlines 🙂');
  });

  it('refuses NUL and text over the cap, saying so', () => {
    expect(messagesOf(safeText().safeParse('a\u0000b'))).toEqual([
      'must not contain NUL characters (\\u0000)',
    ]);
    expect(safeText().safeParse('x'.repeat(2000)).success).toBe(true);
    expect(messagesOf(safeText().safeParse('x'.repeat(2001)))).toEqual([
      'must be at most 2000 characters',
    ]);
    expect(messagesOf(safeText(5).safeParse('123456'))).toEqual([
      'must be at most 5 characters',
    ]);
  });
});

describe('safeName', () => {
  it('takes one line up to 255 characters', () => {
    expect(safeName().parse('decisions_v1')).toBe('decisions_v1');
    expect(safeName().safeParse('x'.repeat(255)).success).toBe(true);
    expect(messagesOf(safeName().safeParse('x'.repeat(256)))).toEqual([
      'must be at most 255 characters',
    ]);
  });

  it.each(['a\u0000b', 'a\tb', 'a\nb', 'a\u007fb', '\u001b[31m'])(
    'refuses the control characters in %j',
    value => {
      expect(messagesOf(safeName().safeParse(value))).toEqual([
        'must not contain control characters such as NUL, tab or line breaks',
      ]);
    },
  );

  it('refuses an empty name', () => {
    expect(messagesOf(safeName().safeParse(''))).toEqual(['must not be empty']);
  });
});
