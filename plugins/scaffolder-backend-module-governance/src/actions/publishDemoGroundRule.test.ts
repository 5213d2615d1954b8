import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { runAction } from '../__testUtils__/runAction';
import { createPublishDemoGroundRuleAction } from './publishDemoGroundRule';

const FILE = '0009-ninety-days.md';

describe('datamesh:ground-rule:publish-demo', () => {
  const forumDir = createMockDirectory();
  beforeEach(() => forumDir.clear());

  const action = createPublishDemoGroundRuleAction({
    config: new ConfigReader({
      scaffolder: {
        governance: { demoProposalsDirectory: `${forumDir.path}/proposals` },
      },
    }),
  });

  async function publish(
    fileName: string,
    content = '---\nstatus: proposed\n---\n# Ninety days\n',
  ) {
    const { run } = await runAction(
      action,
      { fileName },
      { workspaceContent: { [FILE]: content } },
    );
    await run;
  }

  it('copies the written file into the configured forum folder', async () => {
    await publish(FILE);
    expect(forumDir.content()).toEqual({
      proposals: { [FILE]: '---\nstatus: proposed\n---\n# Ninety days\n' },
    });
  });

  it('never replaces a proposal already there', async () => {
    await publish(FILE);
    await expect(publish(FILE, 'other')).rejects.toThrow(/already exists/);
    expect((forumDir.content() as any).proposals[FILE]).toMatch(/Ninety days/);
  });

  it.each([
    '../0009-x.md',
    '0009-x.md/../../y.md',
    'README.md',
    '0009-x.yaml',
    '',
  ])('refuses %j as a file name and writes nothing', async fileName => {
    await expect(publish(fileName)).rejects.toThrow(
      /not a proposal's file name/,
    );
    expect(forumDir.content()).toEqual({});
  });

  it('names the setting when no folder is configured', async () => {
    const unconfigured = createPublishDemoGroundRuleAction({
      config: new ConfigReader({}),
    });
    const { run } = await runAction(unconfigured, { fileName: FILE });
    await expect(run).rejects.toThrow(
      /scaffolder\.governance\.demoProposalsDirectory/,
    );
  });
});
