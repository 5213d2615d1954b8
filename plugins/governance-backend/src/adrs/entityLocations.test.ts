import { ANNOTATION_ADR_LOCATION } from '@backstage/plugin-adr-common';
import type { Entity } from '@backstage/catalog-model';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/databases';
import { FakeGitea } from '../__testUtils__/fakeGitea';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADA = 'user:default/ada.analyst';
const repositoryRoot = path.resolve(__dirname, '../../../..');

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-x' },
  };
}

/**
 * Entity annotations are anyone's to write: they must never make the
 * backend read its own disk, and no answer may reveal a server path.
 */
describe('ADR locations from entity annotations', () => {
  const gitea = new FakeGitea();
  let secretFolder: string;
  let started: Awaited<ReturnType<typeof startGovernanceBackend>>;

  beforeAll(async () => {
    await gitea.start();
    gitea.setRepo('payments', {
      'docs/adr/0001-use-kafka.md': '# Use Kafka\n\n* Status: accepted\n',
    });
    // A folder on the backend's disk with a Markdown file in it.
    secretFolder = mkdtempSync(path.join(os.tmpdir(), 'governance-secret-'));
    mkdirSync(path.join(secretFolder, 'catalog'));
    writeFileSync(
      path.join(secretFolder, '0001-secret.md'),
      '# Secret server file\n\n* Status: accepted\n',
    );
    const fromRepository = `url:${gitea.baseUrl}/acme/payments/src/branch/main/`;
    const fromLocalFile = `file:${path.join(
      secretFolder,
      'catalog',
      'catalog-info.yaml',
    )}`;
    started = await startGovernanceBackend({
      databases,
      databaseId: 'SQLITE_3',
      config: {
        integrations: {
          gitea: [{ host: gitea.host, baseUrl: gitea.baseUrl }],
        },
      },
      entities: [
        component('payments', {
          [ANNOTATION_ADR_LOCATION]: 'docs/adr',
          'backstage.io/source-location': fromRepository,
        }),
        component('file-url', {
          [ANNOTATION_ADR_LOCATION]: `file://${secretFolder}`,
          'backstage.io/source-location': fromRepository,
        }),
        component('etc', {
          [ANNOTATION_ADR_LOCATION]: 'file:///etc',
          'backstage.io/source-location': fromRepository,
        }),
        component('local-relative', {
          [ANNOTATION_ADR_LOCATION]: '../',
          'backstage.io/managed-by-location': fromLocalFile,
        }),
        component('local-up', {
          [ANNOTATION_ADR_LOCATION]: '../../',
          'backstage.io/managed-by-location': fromLocalFile,
        }),
        component('local-absolute', {
          [ANNOTATION_ADR_LOCATION]: secretFolder,
          'backstage.io/managed-by-location': fromLocalFile,
        }),
        component('elsewhere', {
          [ANNOTATION_ADR_LOCATION]: 'https://evil.example.com/adrs',
          'backstage.io/source-location': fromRepository,
        }),
      ],
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await gitea.stop();
    rmSync(secretFolder, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const res = await started.http.get(url).set(as.user(ADA));
    expect(res.status).toBe(200);
    return res;
  };

  it('reads entity ADRs through the UrlReaderService only, never from local paths', async () => {
    const { body } = await get('/api/governance/adrs');

    expect(body.items.map((a: any) => a.title)).not.toContain(
      'Secret server file',
    );
    expect(
      body.items
        .filter((a: any) => a.sourceId.startsWith('component-'))
        .map((a: any) => a.id),
    ).toEqual(['component-default-payments--0001-use-kafka']);

    const errorOf = (name: string) =>
      body.sources.find((s: any) => s.entityRef === `component:default/${name}`)
        ?.error;
    for (const name of ['file-url', 'etc']) {
      expect(errorOf(name)).toMatch(
        /"file:" locations are not read for entities/,
      );
    }
    for (const name of ['local-relative', 'local-up', 'local-absolute']) {
      expect(errorOf(name)).toMatch(
        /registered from a "file" location; ADRs of entities are read from repository URLs only/,
      );
    }
    expect(errorOf('elsewhere')).toMatch(
      /no integration is configured for evil.example.com/,
    );
    expect(
      body.sources
        .filter((s: any) => s.kind === 'entity')
        .map((s: any) => [s.entityRef, s.ok, s.trust])
        .sort(),
    ).toEqual([
      ['component:default/elsewhere', false, 'team'],
      ['component:default/etc', false, 'team'],
      ['component:default/file-url', false, 'team'],
      ['component:default/local-absolute', false, 'team'],
      ['component:default/local-relative', false, 'team'],
      ['component:default/local-up', false, 'team'],
      ['component:default/payments', true, 'team'],
    ]);
  });

  it('never answers with a server path: sources, problems and ADR urls', async () => {
    const index = await get('/api/governance/adrs');
    const forumAdr = index.body.items.find(
      (a: any) => a.sourceId === 'decisions',
    );
    const one = await get(`/api/governance/adrs/${forumAdr.id}`);

    expect(index.body.sources.find((s: any) => s.id === 'decisions')).toEqual(
      expect.objectContaining({
        kind: 'location',
        trust: 'forum',
        target: 'governance/decisions',
      }),
    );
    expect(one.body.url).toBe(`governance/decisions/${forumAdr.fileName}`);
    for (const text of [index.text, one.text]) {
      for (const serverPath of [
        secretFolder,
        repositoryRoot,
        process.cwd(),
        os.tmpdir(),
      ]) {
        expect(text).not.toContain(serverPath);
      }
      expect(text).not.toMatch(/file:\/\/\//);
    }
  });
});
