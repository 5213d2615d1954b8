import { mockServices } from '@backstage/backend-test-utils';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdrRepository } from './AdrRepository';
import { parseAdr } from './parseAdr';
import { LocalFolderSource } from './sources/LocalFolderSource';

/**
 * Front matter whose evaluation would leave two traces: a global and a file.
 * gray-matter evaluates `---js` / `---javascript` front matter with `eval`.
 */
function codeFrontMatter(fence: string, marker: string, flag: string) {
  return [
    fence,
    '{',
    `  status: (globalThis[${JSON.stringify(flag)}] = true,`,
    `    require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'),`,
    "    'accepted'),",
    '}',
    '---',
    '',
    '# Looks like an ADR',
    '',
  ].join('\n');
}

const fences = ['---js', '---javascript', '--- js', '---JS', '---coffee'];

describe('ADR front matter is YAML data, never code', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'governance-frontmatter-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it.each(fences)(
    'reports %s front matter as a problem and does not run it',
    fence => {
      const marker = path.join(folder, 'ran.txt');
      const flag = `__adrFrontMatterRan_${fence.replace(/\W/g, '')}`;
      const parsed = parseAdr('team', {
        fileName: '0001-x.md',
        url: 'https://example.com/0001-x.md',
        content: codeFrontMatter(fence, marker, flag),
      });

      expect((globalThis as any)[flag]).toBeUndefined();
      expect(existsSync(marker)).toBe(false);
      expect(parsed).toEqual({
        ok: false,
        message: expect.stringMatching(/only YAML front matter is read/),
      });
    },
  );

  it('lists such a file among the problems of a real source, without running it', async () => {
    const marker = path.join(folder, 'ran.txt');
    const flag = '__adrFrontMatterRanFromSource';
    writeFileSync(
      path.join(folder, '0001-code.md'),
      codeFrontMatter('---js', marker, flag),
    );
    writeFileSync(
      path.join(folder, '0002-yaml.md'),
      '---yaml\nstatus: accepted\n---\n\n# Plain YAML\n',
    );
    const repository = new AdrRepository(
      async () => [
        new LocalFolderSource({ id: 'local', folder, label: 'local' }),
      ],
      mockServices.logger.mock(),
    );

    const index = await repository.index();

    expect(index.items.map(adr => [adr.id, adr.status])).toEqual([
      ['local--0002-yaml', 'accepted'],
    ]);
    expect(index.problems).toEqual([
      {
        sourceId: 'local',
        fileName: '0001-code.md',
        message: expect.stringMatching(
          /front matter is marked "js"; only YAML front matter is read/,
        ),
      },
    ]);
    expect((globalThis as any)[flag]).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps YAML tags and keys inert', () => {
    const parsed = parseAdr('team', {
      fileName: '0001-x.md',
      url: 'https://example.com/0001-x.md',
      content: [
        '---',
        'status: !!js/function "function () { globalThis.__adrTagRan = true }"',
        '__proto__: { polluted: true }',
        '---',
        '# Title',
      ].join('\n'),
    });
    expect(parsed.ok).toBe(true);
    expect((globalThis as any).__adrTagRan).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
  });
});
