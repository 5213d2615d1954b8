import { markdownToPlainText } from './plainText';

describe('markdownToPlainText', () => {
  it('keeps the words a reader sees and drops the Markdown around them', () => {
    const markdown = [
      '# Access to personal data lasts at most 180 days',
      '',
      '## Context and Problem Statement',
      '',
      'Grants to **personal** data were open-ended; see [ADR 4](./0004.md) and',
      'the `maxDuration` field.',
      '',
      '* Option one',
      '* Option _two_',
      '',
      '> Quoted advice',
      '',
      '| Option | Cost |',
      '| ------ | ---- |',
      '| ~~Never~~ expire | low |',
      '',
      '```yaml',
      'maxDuration: P180D',
      '```',
      '',
      '<!-- a comment --><div class="x">Inline <b>HTML</b> text</div>',
      '',
      '---',
      '',
      '![Diagram of the flow](flow.png) After the image.',
      '',
      '[4]: https://example.com/unused',
    ].join('\n');
    expect(
      markdownToPlainText(markdown, {
        title: 'Access to personal data lasts at most 180 days',
      }),
    ).toBe(
      [
        'Context and Problem Statement',
        'Grants to personal data were open-ended; see ADR 4 and the maxDuration field.',
        'Option one',
        'Option two',
        'Quoted advice',
        'Option',
        'Cost',
        'Never expire',
        'low',
        'maxDuration: P180D',
        'Diagram of the flow After the image.',
      ].join('\n'),
    );
  });

  it('keeps a first heading that is not the title', () => {
    expect(
      markdownToPlainText('# Background\n\nText', { title: 'Other' }),
    ).toBe('Background\nText');
    expect(markdownToPlainText('# Background\n\nText')).toBe(
      'Background\nText',
    );
  });

  it('reads untrusted input as text, never as markup', () => {
    expect(
      markdownToPlainText('<script>alert(1)</script>\n\nSafe \u0000 text'),
    ).toBe('Safe \ufffd text');
    expect(markdownToPlainText('')).toBe('');
  });
});
