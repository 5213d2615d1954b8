import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { templateProduct } from '../__testUtils__/products';
import { runAction } from '../__testUtils__/runAction';
import {
  createPublishDemoDataProductAction,
  demoCatalogFile,
} from './publishDemoDataProduct';

describe('datamesh:data-product:publish-demo', () => {
  const catalogDir = createMockDirectory();
  beforeEach(() => catalogDir.clear());

  const action = createPublishDemoDataProductAction({
    config: new ConfigReader({
      scaffolder: {
        dataProducts: { demoCatalogDirectory: `${catalogDir.path}/registered` },
      },
    }),
  });

  it('writes the product into the configured directory, named after it', async () => {
    const { outputs } = await runAction(action, { entity: templateProduct() });
    expect(outputs).toEqual({ entityRef: 'dataproduct:default/job-seekers' });
    const files = catalogDir.content() as any;
    expect(Object.keys(files.registered)).toEqual(['job-seekers.yaml']);
    expect(parse(files.registered['job-seekers.yaml'])).toEqual(
      templateProduct(),
    );
  });

  it('never replaces a product already registered', async () => {
    await runAction(action, { entity: templateProduct() });
    const other = templateProduct();
    (other.spec as any).owner = 'group:default/someone-else';
    await expect(runAction(action, { entity: other })).rejects.toThrow(
      /already registered/,
    );
    const files = catalogDir.content() as any;
    expect(parse(files.registered['job-seekers.yaml']).spec.owner).toBe(
      'group:default/team-employment',
    );
  });

  it('writes nothing for an invalid product', async () => {
    const product = templateProduct();
    delete (product.spec as any).owner;
    await expect(runAction(action, { entity: product })).rejects.toThrow(
      /owner/,
    );
    expect(catalogDir.content()).toEqual({});
  });

  it('names the setting when no directory is configured', async () => {
    const unconfigured = createPublishDemoDataProductAction({
      config: new ConfigReader({}),
    });
    await expect(
      runAction(unconfigured, { entity: templateProduct() }),
    ).rejects.toThrow(/scaffolder\.dataProducts\.demoCatalogDirectory/);
  });

  it.each(['..', '../x', 'a/b', 'a\\b', '.hidden', 'a..b', ''])(
    'refuses %j as a file name',
    name => {
      expect(() => demoCatalogFile('/catalog', name)).toThrow(
        /cannot be used as a file name/,
      );
    },
  );

  it('keeps a good name inside the directory', () => {
    expect(demoCatalogFile('/catalog', 'job-seekers.v2')).toBe(
      '/catalog/job-seekers.v2.yaml',
    );
  });
});
