import { adrLinkResolvers } from './resolveAdrLinks';

const adrPath = (adrId: string) => `/governance/adrs/${adrId}`;

describe('adrLinkResolvers', () => {
  const github = adrLinkResolvers(
    {
      sourceId: 'decisions',
      url: 'https://github.com/acme/forum/blob/main/decisions/0005-max.md',
    },
    adrPath,
  );

  it('opens another ADR of the same folder on its page, keeping the fragment', () => {
    expect(github.link('0004-max-one-year.md#consequences')).toBe(
      '/governance/adrs/decisions--0004-max-one-year#consequences',
    );
  });

  it('resolves other relative targets against the file', () => {
    expect(github.link('../README.md')).toBe(
      'https://github.com/acme/forum/blob/main/README.md',
    );
    expect(github.image('img/a b.png')).toBe(
      'https://github.com/acme/forum/blob/main/decisions/img/a%20b.png',
    );
    expect(github.link('#decision')).toBe('#decision');
    expect(github.link('https://example.com/x')).toBe('https://example.com/x');
  });

  it('drops schemes that run code, and empty targets', () => {
    for (const href of [
      // eslint-disable-next-line no-script-url -- the very thing under test
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '',
    ]) {
      expect(github.link(href)).toBe('');
      expect(github.image(href)).toBe('');
    }
  });

  it('keeps links whose percent-encoding is broken as plain text', () => {
    for (const href of ['%E0%A4%A.md', './%zz.md', 'https://example.com/%FF']) {
      expect(github.link(href)).toBe('');
    }
    // eslint-disable-next-line no-script-url -- the very thing under test
    expect(github.link('javascript:alert(1)//0004-x.md')).toBe('');
  });

  it('opens sibling ADRs of a local folder, whose url is a relative label, and nothing else of it', () => {
    const local = adrLinkResolvers(
      {
        sourceId: 'decisions',
        url: 'governance/decisions/0002-legal.md',
      },
      adrPath,
    );
    expect(local.link('./0003-classify.md#decision')).toBe(
      '/governance/adrs/decisions--0003-classify#decision',
    );
    expect(local.link('../../README.md')).toBe('');
    expect(local.image('./flow.png')).toBe('');
    expect(local.link('https://example.com/x')).toBe('https://example.com/x');
  });
});
