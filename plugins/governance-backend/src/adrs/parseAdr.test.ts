import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAdrFileName, parseAdr } from './parseAdr';
import {
  findRepositoryDecisionsFolder,
  LocalFolderSource,
} from './sources/LocalFolderSource';

const fixtures = path.join(__dirname, '__fixtures__');

async function parseFixture(fileName: string) {
  const content = await fs.readFile(path.join(fixtures, fileName), 'utf8');
  return parseAdr('fixtures', {
    fileName,
    url: `https://example.com/${fileName}`,
    content,
  });
}

describe('parseAdr', () => {
  it('reads MADR v3 front matter, normalises the status and keeps policy params', async () => {
    const parsed = await parseFixture('v3-superseded.md');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.adr).toMatchObject({
      id: 'fixtures--v3-superseded',
      title: 'Access lasts a year',
      format: 'madr-v3',
      status: 'superseded',
      statusText: 'superseded by ADR-0005',
      date: '2026-02-09',
      deciders: ['Leo Legal', 'Olav Owner'],
      policies: [
        { id: 'output-ports-classified' },
        {
          id: 'personal-data-max-duration',
          params: { maxDuration: 'P365D', strict: true },
        },
        { id: 'nested-params' },
      ],
    });
    expect(parsed.adr.markdown.startsWith('# Access lasts a year')).toBe(true);
    expect(parsed.adr.markdown).not.toMatch(/deciders:/);
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/policies\[2\] is not a kebab-case policy id/),
      expect.stringMatching(/policies\[3\] \(nested-params\): parameters/),
    ]);
  });

  it("reads a proposal's due date, problems and proposer, and leaves out values of the wrong shape", () => {
    const parse = (frontMatter: string) => {
      const parsed = parseAdr('proposals', {
        fileName: '0009-x.md',
        url: 'governance/proposals/0009-x.md',
        content: `---\nstatus: proposed\n${frontMatter}\n---\n\n# X\n`,
      });
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.adr;
    };
    expect(
      parse(
        "opinions-due: 2026-12-15\nproblems: ['12', 'p-7']\nproposer: user:default/pia.platform",
      ),
    ).toMatchObject({
      status: 'proposed',
      opinionsDue: '2026-12-15',
      problems: ['12', 'p-7'],
      proposer: 'user:default/pia.platform',
    });
    const bad = parse(
      "opinions-due: soon\nproblems: ['a b', '']\nproposer: group:default/forum",
    );
    expect(bad).not.toHaveProperty('opinionsDue');
    expect(bad).not.toHaveProperty('problems');
    expect(bad).not.toHaveProperty('proposer');
  });

  it('reads MADR v2 bullet lines, including our Policies line', async () => {
    const parsed = await parseFixture('v2-accepted.md');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.adr).toMatchObject({
      format: 'madr-v2',
      title: 'Use Markdown Architectural Decision Records',
      status: 'accepted',
      date: '2026-01-12',
      deciders: ['Pia Platform', 'Bo Business'],
      policies: [{ id: 'owner-and-lifecycle' }, { id: 'freshness-sla' }],
    });
    expect(parsed.adr.statusText).toBeUndefined();
  });

  it('reads the MADR v2 template as written, with * bullets and a superseded link', () => {
    const parsed = parseAdr('fixtures', {
      fileName: '0002-old.md',
      url: 'https://example.com/0002-old.md',
      content: [
        '# Old decision',
        '',
        '* Status: superseded by [ADR-0005](0005-new.md)',
        '* Deciders: Leo Legal',
        '* Date: 2025-12-01',
        '',
        '## Context',
      ].join('\n'),
    });
    expect(parsed).toMatchObject({
      ok: true,
      adr: {
        format: 'madr-v2',
        status: 'superseded',
        statusText: 'superseded by ADR-0005',
        deciders: ['Leo Legal'],
        date: '2025-12-01',
        policies: [],
      },
    });
  });

  it('reads a file without any status as unknown rather than failing', async () => {
    const parsed = await parseFixture('v2-nygard-like.md');
    expect(parsed).toMatchObject({
      ok: true,
      adr: { status: 'unknown', title: '3. Something without status lines' },
    });
  });

  it('says what is wrong with a file without a title or with broken YAML', async () => {
    expect(await parseFixture('v3-no-title.md')).toEqual({
      ok: false,
      message: 'it has no "# Title" heading',
    });
    const broken = await parseFixture('v3-broken-yaml.md');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(
      /^the front matter is not valid YAML: /,
    );
  });

  it('reads ---yaml fences, and says what is wrong with unclosed front matter or an over-long file name', () => {
    const parse = (fileName: string, content: string) =>
      parseAdr('fixtures', { fileName, url: `x/${fileName}`, content });
    expect(
      parse('0001-x.md', '---yaml\nstatus: accepted\n---\n# X\n'),
    ).toMatchObject({ ok: true, adr: { status: 'accepted', title: 'X' } });
    expect(parse('0001-x.md', '---\nstatus: accepted\n# X\n')).toEqual({
      ok: false,
      message: 'the front matter has no closing "---" line',
    });
    expect(parse(`${'a'.repeat(250)}.md`, '# X')).toEqual({
      ok: false,
      message: 'the file name is too long: ADR ids have at most 255 characters',
    });
    expect(parse(`${'a'.repeat(244)}.md`, '# X').ok).toBe(true);
  });

  it('takes only Markdown files that are not the README, index or a template', () => {
    expect(isAdrFileName('0001-x.md')).toBe(true);
    expect(isAdrFileName('README.md')).toBe(false);
    expect(isAdrFileName('index.md')).toBe(false);
    expect(isAdrFileName('template.md')).toBe(false);
    expect(isAdrFileName('adr-template.md')).toBe(false);
    expect(isAdrFileName('notes.txt')).toBe(false);
  });
});

describe('the fixtures folder read as a local source', () => {
  it('skips README, template and non-Markdown files', async () => {
    const files = await new LocalFolderSource({
      id: 'fx',
      folder: fixtures,
      label: 'fixtures',
    }).readFiles();
    expect(files.map(f => f.fileName).sort()).toEqual([
      'v2-accepted.md',
      'v2-nygard-like.md',
      'v3-broken-yaml.md',
      'v3-no-title.md',
      'v3-superseded.md',
    ]);
    // A label, not the server path.
    expect(files.map(f => f.url)).toContain('fixtures/v2-accepted.md');
  });
});

describe("the repository's own governance/decisions", () => {
  it('parses every ADR, in both MADR versions, without problems', async () => {
    const folder = findRepositoryDecisionsFolder(__dirname);
    expect(folder).toMatch(/governance[/\\]decisions$/);
    const files = await new LocalFolderSource({
      id: 'decisions',
      folder,
      label: 'governance/decisions',
    }).readFiles();
    const parsed = files.map(file => ({
      file,
      result: parseAdr('decisions', file),
    }));
    const failures = parsed.filter(
      p => !p.result.ok || p.result.warnings.length,
    );
    expect(failures).toEqual([]);
    const adrs = parsed.flatMap(p => (p.result.ok ? [p.result.adr] : []));

    expect(adrs.length).toBeGreaterThanOrEqual(6);
    expect(new Set(adrs.map(a => a.format))).toEqual(
      new Set(['madr-v2', 'madr-v3']),
    );
    const byPolicy = (id: string) =>
      adrs.filter(a => a.policies.some(p => p.id === id));
    for (const policy of [
      'personal-data-legal-basis',
      'output-ports-classified',
      'personal-data-max-duration',
      'no-broad-subjects-on-sensitive-ports',
      'owner-and-lifecycle',
    ]) {
      expect(byPolicy(policy).map(a => a.status)).toContain('accepted');
    }
    expect(byPolicy('freshness-sla').map(a => a.status)).toEqual(['proposed']);
    const maxDuration = byPolicy('personal-data-max-duration').find(
      a => a.status === 'accepted',
    );
    expect(maxDuration?.policies[0].params).toEqual({ maxDuration: 'P180D' });
    expect(adrs.find(a => a.status === 'superseded')?.statusText).toMatch(
      /^superseded by 0005$/,
    );
    for (const adr of adrs.filter(a => a.status === 'accepted')) {
      expect(adr.deciders.length).toBeGreaterThan(0);
      expect(adr.date).toMatch(/^2026-\d\d-\d\d$/);
    }
  });
});
