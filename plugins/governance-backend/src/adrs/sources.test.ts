import { ANNOTATION_ADR_LOCATION } from '@backstage/plugin-adr-common';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/databases';
import { FakeGitea } from '../__testUtils__/fakeGitea';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';
import { ADR_REFRESH_TASK_ID } from '../plugin';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADA = 'user:default/ada.analyst';

const adr = (title: string, status = 'accepted') =>
  `---\nstatus: ${status}\ndate: 2026-03-01\ndeciders: [Pia Platform]\n---\n\n# ${title}\n\nText.\n`;

/**
 * ADR sources read through the real UrlReaderService (its Gitea reader,
 * against a local HTTP server) and a real local folder.
 */
describe('ADR sources', () => {
  const gitea = new FakeGitea();
  let localFolder: string;
  let started: Awaited<ReturnType<typeof startGovernanceBackend>>;

  beforeAll(async () => {
    await gitea.start();
    gitea.setRepo('forum', {
      'decisions/0001-first.md': adr('First'),
      'decisions/0002-second.md': adr('Second', 'proposed'),
      'decisions/README.md': '# About this folder',
      'decisions/assets/0003-not-top-level.md': adr('Nested'),
      'other/0009-elsewhere.md': adr('Elsewhere'),
    });
    gitea.setRepo('payments', {
      'docs/adr/0001-use-kafka.md': adr('Use Kafka'),
    });
    localFolder = mkdtempSync(path.join(os.tmpdir(), 'governance-adrs-'));
    cpSync(path.join(__dirname, '__fixtures__'), localFolder, {
      recursive: true,
    });

    started = await startGovernanceBackend({
      databases,
      databaseId: 'SQLITE_3',
      config: {
        integrations: {
          gitea: [{ host: gitea.host, baseUrl: gitea.baseUrl }],
        },
        governance: {
          adrs: {
            locations: [
              {
                id: 'forum',
                target: gitea.folderUrl('forum', 'decisions'),
                forum: true,
              },
              { id: 'local', target: localFolder, forum: true },
              { id: 'gone', target: gitea.folderUrl('missing', 'decisions') },
            ],
          },
        },
      },
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'payment-service',
            namespace: 'default',
            annotations: {
              [ANNOTATION_ADR_LOCATION]: 'docs/adr',
              'backstage.io/source-location': `url:${gitea.baseUrl}/acme/payments/src/branch/main/`,
            },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'x' },
        },
      ],
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await gitea.stop();
    rmSync(localFolder, { recursive: true, force: true });
  });

  const index = async () => {
    const res = await started.http
      .get('/api/governance/adrs')
      .set(as.user(ADA));
    expect(res.status).toBe(200);
    return res.body;
  };
  const source = (body: any, id: string) =>
    body.sources.find((s: any) => s.id === id);

  it('reads every source, reports the one that fails, and serves the others', async () => {
    const body = await index();
    expect(body.items.map((a: any) => a.id)).toEqual([
      'component-default-payment-service--0001-use-kafka',
      'forum--0001-first',
      'forum--0002-second',
      'local--v2-accepted',
      'local--v2-nygard-like',
      'local--v3-superseded',
    ]);
    expect(source(body, 'forum')).toMatchObject({ ok: true, kind: 'location' });
    expect(source(body, 'component-default-payment-service')).toMatchObject({
      ok: true,
      kind: 'entity',
      entityRef: 'component:default/payment-service',
      target: `${gitea.baseUrl}/acme/payments/src/branch/main/docs/adr`,
    });
    expect(source(body, 'gone')).toMatchObject({ ok: false });
    expect(source(body, 'gone').error).toMatch(/404/);
    expect(source(body, 'gone').lastReadAt).toBeUndefined();
    expect(
      body.problems.map((p: any) => [p.sourceId, p.fileName]).sort(),
    ).toEqual([
      ['local', 'v3-broken-yaml.md'],
      ['local', 'v3-no-title.md'],
      ['local', 'v3-superseded.md'],
      ['local', 'v3-superseded.md'],
    ]);

    const first = await started.http
      .get('/api/governance/adrs/forum--0001-first')
      .set(as.user(ADA));
    expect(first.body).toMatchObject({
      title: 'First',
      url: `${gitea.baseUrl}/acme/forum/src/branch/main/decisions/0001-first.md`,
      markdown: expect.stringMatching(/^# First/),
    });
  });

  it('keeps serving what a source gave last when it fails, and picks up changes when it recovers', async () => {
    const before = await index();
    gitea.fail('forum');
    rmSync(localFolder, { recursive: true, force: true });
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);

    const during = await index();
    expect(during.items).toEqual(before.items);
    for (const id of ['forum', 'local']) {
      expect(source(during, id)).toMatchObject({
        ok: false,
        lastReadAt: source(before, id).lastReadAt,
      });
    }
    expect(source(during, 'forum').error).toMatch(/500/);
    expect(source(during, 'local').error).toMatch(/ENOENT/);
    expect(source(during, 'component-default-payment-service').ok).toBe(true);

    gitea.fail('forum', false);
    gitea.setRepo('forum', { 'decisions/0003-third.md': adr('Third') });
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);
    const after = await index();
    expect(source(after, 'forum').ok).toBe(true);
    expect(
      after.items
        .filter((a: any) => a.sourceId === 'forum')
        .map((a: any) => a.id),
    ).toEqual(['forum--0003-third']);
  });
});
