import { parse } from 'yaml';
import { templateProduct } from '../__testUtils__/products';
import { runAction } from '../__testUtils__/runAction';
import { createWriteDataProductAction } from './writeDataProduct';

describe('datamesh:data-product:write', () => {
  const action = createWriteDataProductAction();

  it('writes the product as catalog-info.yaml in the workspace', async () => {
    const { workspace } = await runAction(action, {
      entity: templateProduct(),
    });
    const files = workspace.content() as Record<string, string>;
    expect(parse(files['catalog-info.yaml'])).toEqual(templateProduct());
  });

  it('writes to a path inside the workspace', async () => {
    const { workspace } = await runAction(action, {
      entity: templateProduct(),
      path: 'data-products/job-seekers.yaml',
    });
    const files = workspace.content() as any;
    expect(parse(files['data-products']['job-seekers.yaml'])).toEqual(
      templateProduct(),
    );
  });

  it('refuses a path that leaves the workspace', async () => {
    await expect(
      runAction(action, { entity: templateProduct(), path: '../escape.yaml' }),
    ).rejects.toThrow(/outside/i);
  });

  it('writes nothing for an invalid product', async () => {
    const product = templateProduct();
    delete (product.spec as any).outputPorts;
    const failure = runAction(action, { entity: product });
    await expect(failure).rejects.toThrow(/outputPorts/);
  });
});
