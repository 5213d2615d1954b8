import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
// The template's checks run against the real governance backend: its
// registered policy checks and the repository's ADRs, not a copy of them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import governancePlugin from '@datamesh-governance/plugin-governance-backend';
import { readFileSync } from 'fs';
import { resolve as resolvePath } from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import { daysFromToday } from './__testUtils__/proposals';
import { scaffolderModuleGovernance } from './module';

// The template as the demo catalog loads it.
const template = parse(
  readFileSync(
    resolvePath(__dirname, '../templates/propose-ground-rule/template.yaml'),
    'utf8',
  ),
);

/** What Pia fills in on the form (each backend raises the problem it answers). */
const formValues = {
  title: 'Access to personal data lasts at most 90 days',
  context:
    'Most purposes named in requests are projects of under three months.',
  problems: [] as string[],
  options: [
    { title: 'Keep 180 days' },
    { title: '90 days', description: 'Shorter, renewable with a new request.' },
  ],
  outcome: '90 days, renewable with a new request.',
  policies: [
    { id: 'personal-data-max-duration', params: { maxDuration: 'P90D' } },
  ],
  opinionsDue: daysFromToday(14),
};

type DryRunResult = {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: { path: string; base64Content: string }[];
  output: { links?: { title: string; url?: string }[] };
};

const PIA = 'user:default/pia.platform';

/** Raises a problem on the governance backend, as Ada would on the Governance page. */
async function raiseProblem(
  backend: Awaited<ReturnType<typeof startTestBackend>>,
) {
  const raised = await request(backend.server)
    .post('/api/governance/problems')
    .set('Authorization', mockCredentials.user.header('user:default/ada'))
    .send({
      title: 'Grants outlive the projects they were for',
      description: 'Most purposes end within three months.',
      entityRefs: [],
    });
  expect(raised.status).toBe(201);
  formValues.problems = [raised.body.id];
}

/**
 * The scaffolder with this module next to the real governance backend,
 * which reads the repository's own governance/decisions (ADRs 0001–0008)
 * and serves its registered policy checks.
 */
async function startBackend(config: object = {}) {
  return startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleGovernance,
      governancePlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          ...config,
          scaffolder: {
            governance: { demoProposalsDirectory: '/nowhere/in/a/dry/run' },
            ...(config as any).scaffolder,
          },
        },
      }),
    ],
  });
}

function filesOf(result: DryRunResult): Record<string, string> {
  return Object.fromEntries(
    result.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

function frontMatterOf(content: string) {
  const [, yaml] = content.split(/^---$/m);
  return parse(yaml);
}

describe('the "Propose a ground rule" template', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    backend = await startBackend();
    await raiseProblem(backend);
  });
  afterAll(() => backend?.stop());

  const dryRun = (values: object, t: object = template) =>
    request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header(PIA))
      .send({ template: t, values, directoryContents: [] });

  it('checks the proposal and writes it as the next MADR file, proposed by the signed-in person', async () => {
    const response = await dryRun(formValues);
    expect(response.status).toBe(200);
    const result: DryRunResult = response.body;
    const files = filesOf(result);
    // Numbered after the forum's ADRs 0001–0008.
    expect(Object.keys(files)).toEqual([
      '0009-access-to-personal-data-lasts-at-most-90-days.md',
    ]);
    const content = Object.values(files)[0];
    expect(frontMatterOf(content)).toEqual({
      status: 'proposed',
      date: new Date().toISOString().slice(0, 10),
      deciders: [],
      policies: [{ id: 'personal-data-max-duration', maxDuration: 'P90D' }],
      'opinions-due': formValues.opinionsDue,
      problems: formValues.problems,
      proposer: PIA,
    });
    expect(content).toContain(
      '# Access to personal data lasts at most 90 days',
    );
    const log = result.log.map(e => e.body.message).join('\n');
    expect(log).toMatch(/Skipping step pull-request/);
    expect(log).toMatch(/publish-demo does not support dry-run/);
    expect(result.output.links).toContainEqual(
      expect.objectContaining({ url: '/governance' }),
    );
  });

  it('takes the proposer from the credentials, whatever the form says', async () => {
    const response = await dryRun({
      ...formValues,
      proposer: 'user:default/leo.legal',
    });
    // The form has no proposer field; the value is ignored, not written.
    const content = Object.values(filesOf(response.body))[0];
    expect(frontMatterOf(content).proposer).toBe(PIA);
  });

  it('fails on an unknown policy with that field’s error and writes nothing', async () => {
    const response = await dryRun({
      ...formValues,
      policies: [{ id: 'no-such-check' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^The proposal is not valid: policies\/0\/id: no policy check "no-such-check" is registered/,
    );
    // A failed dry run answers no files; that the write step writes nothing
    // for an invalid proposal is writeGroundRule.test.ts's business.
    expect(response.body).not.toHaveProperty('directoryContents');
  });

  it('fails on a parameter value the check refuses, naming the parameter', async () => {
    const response = await dryRun({
      ...formValues,
      policies: [
        {
          id: 'personal-data-max-duration',
          params: { maxDuration: '90 days' },
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /policies\/0\/params\/maxDuration: "90 days" is not a valid longest grant/,
    );
  });

  it('fails on a problem nobody raised, naming it', async () => {
    const response = await dryRun({
      ...formValues,
      problems: [
        ...formValues.problems,
        '00000000-0000-4000-8000-000000000000',
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^The proposal is not valid: problems\/1: no raised problem has the id "00000000-0000-4000-8000-000000000000"/,
    );
  });

  it('fails on a due date in the past with that field’s error', async () => {
    const response = await dryRun({
      ...formValues,
      opinionsDue: daysFromToday(-1),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^The proposal is not valid: opinionsDue: the date by which opinions are due must be after today/,
    );
  });

  it('stops a template edited to skip the check: the write step checks again and writes nothing', async () => {
    const loosened = structuredClone(template);
    loosened.spec.steps = loosened.spec.steps.filter(
      (s: { id: string }) => s.id !== 'validate',
    );
    loosened.spec.steps[0].input.proposal.status = 'accepted';
    const response = await dryRun(formValues, loosened);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^The proposal is not valid: status: a proposal's status must be "proposed"/,
    );
  });

  it('refuses form values the template does not allow', async () => {
    const { opinionsDue: _, ...withoutDueDate } = formValues;
    const response = await dryRun(withoutDueDate);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/opinionsDue/);
  });
});

describe('the template with the forum’s decisions repository configured', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    backend = await startBackend({
      integrations: { github: [{ host: 'github.com', token: 't' }] },
      scaffolder: {
        // The operator's choice, for every run: no user can change it.
        defaultEnvironment: {
          parameters: {
            forumDecisionsRepoUrl: 'github.com?owner=agency&repo=governance',
          },
        },
      },
    });
    await raiseProblem(backend);
  });
  afterAll(() => backend?.stop());

  it('opens a pull request with the MADR file and skips the demo folder', async () => {
    const response = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header(PIA))
      .send({ template, values: formValues, directoryContents: [] });
    expect(response.status).toBe(200);
    const result: DryRunResult = response.body;
    const log = result.log.map(entry => entry.body.message).join('\n');
    expect(log).toMatch(/Performing dry run of creating pull request/);
    expect(log).toMatch(/Skipping step publish-demo/);
    expect(Object.keys(filesOf(result))).toEqual([
      '0009-access-to-personal-data-lasts-at-most-90-days.md',
    ]);
    expect(result.output.links).toContainEqual({
      title: 'Pull request',
      url: 'github.com?owner=agency&repo=governance',
    });
  });
});
