import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { readFileSync } from 'fs';
import { resolve as resolvePath } from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleDataProducts } from './module';

// The template as the demo catalog loads it.
const template = parse(
  readFileSync(
    resolvePath(__dirname, '../templates/register-data-product/template.yaml'),
    'utf8',
  ),
);

/** What a platform engineer fills in on the form. */
const formValues = {
  name: 'job-seekers',
  title: 'Job seekers',
  type: 'source-aligned',
  lifecycle: 'proposed',
  owner: 'group:default/team-employment',
  domain: 'domain:default/employment',
  producedBy: ['component:default/jobseeker-profile-service'],
  outputPorts: [
    {
      name: 'job_seekers_v1',
      type: 'table',
      server: { type: 'postgres', host: 'db.example', schema: 'js_v1' },
      classification: 'personal',
      personalData: { directIdentifiers: true, specialCategories: false },
      sla: [{ property: 'freshness', value: 1, unit: 'd' }],
      access: {
        approval: 'required',
        maxDuration: 'P90D',
        subjectTypes: ['user', 'group'],
        terms: 'Use only for the processing activity you name.',
      },
    },
  ],
};

type DryRunResult = {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: { path: string; base64Content: string }[];
  output: { links?: { title: string; entityRef?: string }[] };
};

describe('the "Register a data product" template', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDataProducts,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            scaffolder: {
              dataProducts: { demoCatalogDirectory: '/nowhere/in/a/dry/run' },
            },
          },
        }),
      ],
    });
  });

  afterAll(() => backend?.stop());

  const dryRun = (body: object) =>
    request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header('user:default/pia'))
      .send({ directoryContents: [], ...body });

  const messages = (result: DryRunResult) =>
    result.log.map(entry => entry.body.message).join('\n');

  it('builds, checks and writes the product without publishing it', async () => {
    const response = await dryRun({ template, values: formValues });
    expect(response.status).toBe(200);
    const result: DryRunResult = response.body;

    const files = Object.fromEntries(
      result.directoryContents.map(f => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    expect(Object.keys(files)).toEqual(['catalog-info.yaml']);
    expect(parse(files['catalog-info.yaml'])).toEqual({
      apiVersion: 'datamesh/v1alpha1',
      kind: 'DataProduct',
      // Fields left empty on the form are left out, not written as "".
      metadata: { name: 'job-seekers', title: 'Job seekers' },
      spec: {
        type: 'source-aligned',
        lifecycle: 'proposed',
        owner: 'group:default/team-employment',
        domain: 'domain:default/employment',
        producedBy: ['component:default/jobseeker-profile-service'],
        outputPorts: formValues.outputPorts,
      },
    });
    expect(result.output.links).toContainEqual(
      expect.objectContaining({
        title: 'Open in catalog',
        entityRef: 'dataproduct:default/job-seekers',
      }),
    );
    // No pull request without a configured repository; the demo step does
    // not run in a dry run.
    expect(messages(result)).toMatch(/Skipping step pull-request/);
    expect(messages(result)).toMatch(/publish-demo does not support dry-run/);
  });

  it('refuses form values the template does not allow', async () => {
    const { owner: _, ...withoutOwner } = formValues;
    const response = await dryRun({ template, values: withoutOwner });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toMatch(/owner/);
  });

  it('stops a template whose form lets a bad product through, naming the field', async () => {
    // A template edited so that its form no longer asks for an owner: the
    // action is the guard that remains.
    const loosened = structuredClone(template);
    loosened.spec.parameters[1].required = ['domain'];
    const { owner: _, ...withoutOwner } = formValues;

    const response = await dryRun({ template: loosened, values: withoutOwner });
    // The dry run stops at the failing step and answers its error.
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^The data product is not valid: \/spec must have required property 'owner'/,
    );
  });
});

describe('the template with a repository for pull requests configured', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModuleDataProducts,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            integrations: { github: [{ host: 'github.com', token: 't' }] },
            scaffolder: {
              // The operator's choice, for every run: no user can change it.
              defaultEnvironment: {
                parameters: {
                  dataProductsRepoUrl:
                    'github.com?owner=agency&repo=data-products',
                },
              },
              dataProducts: { demoCatalogDirectory: '/nowhere/in/a/dry/run' },
            },
          },
        }),
      ],
    });
  });

  afterAll(() => backend?.stop());

  it('opens a pull request with the descriptor and skips the demo catalog', async () => {
    const response = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header('user:default/pia'))
      .send({ template, values: formValues, directoryContents: [] });
    expect(response.status).toBe(200);
    const result: DryRunResult = response.body;
    const log = result.log.map(entry => entry.body.message).join('\n');
    expect(log).toMatch(/Performing dry run of creating pull request/);
    expect(result.directoryContents.map(f => f.path)).toEqual([
      'catalog-info.yaml',
    ]);
    expect(log).toMatch(/Skipping step publish-demo/);
    expect(result.output.links).toContainEqual({
      title: 'Pull request',
      url: 'github.com?owner=agency&repo=data-products',
    });
  });
});
