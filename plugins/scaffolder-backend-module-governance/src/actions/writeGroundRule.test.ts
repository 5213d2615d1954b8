import { mockCredentials } from '@backstage/backend-test-utils';
import { fakeGovernance } from '../__testUtils__/fakeGovernance';
import { templateProposal } from '../__testUtils__/proposals';
import { runAction } from '../__testUtils__/runAction';
import { createWriteGroundRuleAction } from './writeGroundRule';

describe('datamesh:ground-rule:write', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes the next forum number, asking the governance backend as the person running it', async () => {
    const governance = fakeGovernance();
    const action = createWriteGroundRuleAction(governance.options);
    const { run, outputs, workspace } = await runAction(action, {
      proposal: templateProposal(),
      path: 'governance/decisions',
    });
    await run;
    const fileName = '0009-access-to-personal-data-lasts-at-most-90-days.md';
    expect(outputs).toEqual({ fileName });
    const files = workspace.content() as any;
    expect(Object.keys(files.governance.decisions)).toEqual([fileName]);
    expect(files.governance.decisions[fileName]).toMatch(
      /^---\nstatus: proposed\n[\s\S]*proposer: user:default\/pia.platform\n---\n/,
    );
    expect(governance.requests.map(r => r.url)).toEqual([
      '/policies',
      '/problems/3f0c7a4e-8d2b-4c1e-9a57-0b6d2e1f4a90',
      '/adrs',
    ]);
    // A token on Pia's behalf, not the scaffolder's own.
    expect(governance.requests[0].authorization).toMatch(/pia\.platform/);
  });

  it.each([
    [
      { policies: [{ id: 'no-such-check' }] },
      /policies\/0\/id: no policy check/,
    ],
    [{ opinionsDue: '2020-01-01' }, /opinionsDue: .* after today/],
    [
      { problems: ['no-such-problem'] },
      /problems\/0: no raised problem has the id "no-such-problem"/,
    ],
    [{ title: 'A\n---\nstatus: accepted' }, /title: must be a single line/],
  ])('writes nothing for %j', async (overrides, message) => {
    const governance = fakeGovernance();
    const action = createWriteGroundRuleAction(governance.options);
    const { run, workspace } = await runAction(action, {
      proposal: templateProposal(overrides as any),
    });
    await expect(run).rejects.toThrow(message);
    expect(workspace.content()).toEqual({});
  });

  it('refuses a folder outside the workspace', async () => {
    const action = createWriteGroundRuleAction(fakeGovernance().options);
    const { run } = await runAction(action, {
      proposal: templateProposal(),
      path: '../elsewhere',
    });
    await expect(run).rejects.toThrow(/outside/i);
  });

  it('is proposed by a person only, not a service', async () => {
    const action = createWriteGroundRuleAction(fakeGovernance().options);
    const { run, workspace } = await runAction(
      action,
      { proposal: templateProposal() },
      { credentials: mockCredentials.service() },
    );
    await expect(run).rejects.toThrow(/signed-in person/);
    expect(workspace.content()).toEqual({});
  });
});
