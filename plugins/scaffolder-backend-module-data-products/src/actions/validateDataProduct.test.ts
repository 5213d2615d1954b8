import { templateProduct } from '../__testUtils__/products';
import { runAction } from '../__testUtils__/runAction';
import { createValidateDataProductAction } from './validateDataProduct';

describe('datamesh:data-product:validate', () => {
  const action = createValidateDataProductAction();

  it('passes a complete product and answers its entity ref', async () => {
    const { outputs } = await runAction(action, {
      entity: templateProduct(),
    });
    expect(outputs).toEqual({ entityRef: 'dataproduct:default/job-seekers' });
  });

  it('fails on a missing owner, naming the field', async () => {
    const product = templateProduct();
    delete (product.spec as any).owner;
    await expect(runAction(action, { entity: product })).rejects.toThrow(
      /not valid: .*spec must have required property 'owner'/,
    );
  });

  it('fails on a port with an unknown classification, naming the field', async () => {
    const product = templateProduct();
    (product.spec as any).outputPorts[0].classification = 'secret';
    await expect(runAction(action, { entity: product })).rejects.toThrow(
      /outputPorts\/0\/classification/,
    );
  });

  it('fails on a duration that is not ISO 8601', async () => {
    const product = templateProduct();
    (product.spec as any).outputPorts[0].access.maxDuration = '90 days';
    await expect(runAction(action, { entity: product })).rejects.toThrow(
      /maxDuration/,
    );
  });

  it('fails on an entity of another kind', async () => {
    await expect(
      runAction(action, {
        entity: templateProduct({ kind: 'Component' }),
      }),
    ).rejects.toThrow(/not a data product/);
  });

  it('fails on a name the catalog would refuse', async () => {
    await expect(
      runAction(action, {
        entity: templateProduct({ metadata: { name: '../etc/passwd' } }),
      }),
    ).rejects.toThrow(/not valid: "metadata.name" is not valid/);
  });
});
