import { makeDataProduct } from '../__fixtures__/dataProducts';
import { dataProductEntityV1alpha1Validator as validator } from './validator';

describe('dataProductEntityV1alpha1Validator', () => {
  it('accepts a valid data product', async () => {
    await expect(validator.check(makeDataProduct())).resolves.toBe(true);
  });

  it('answers false for other kinds and apiVersions, so other validators get a turn', async () => {
    const product = makeDataProduct();
    await expect(
      validator.check({ ...product, kind: 'Component' }),
    ).resolves.toBe(false);
    await expect(
      validator.check({ ...product, apiVersion: 'backstage.io/v1alpha1' }),
    ).resolves.toBe(false);
  });

  it('names the missing owner', async () => {
    const product = makeDataProduct();
    delete (product.spec as Partial<typeof product.spec>).owner;
    await expect(validator.check(product)).rejects.toThrow(/owner/);
  });

  it('names the field of a bad classification', async () => {
    const product = makeDataProduct();
    (product.spec.outputPorts[0] as any).classification = 'secret';
    await expect(validator.check(product)).rejects.toThrow(
      /outputPorts\/0\/classification/,
    );
  });

  it('refuses a max duration that is not an ISO 8601 duration', async () => {
    const product = makeDataProduct();
    product.spec.outputPorts[0].access!.maxDuration = '90 days';
    await expect(validator.check(product)).rejects.toThrow(/maxDuration/);
  });

  it('refuses a product without output ports', async () => {
    await expect(
      validator.check(makeDataProduct({ outputPorts: [] })),
    ).rejects.toThrow(/outputPorts/);
  });

  it('refuses unknown personal-data flags', async () => {
    const product = makeDataProduct();
    (product.spec.outputPorts[0].personalData as any).healthData = true;
    await expect(validator.check(product)).rejects.toThrow(/personalData/);
  });
});
