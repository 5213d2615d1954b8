import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { legalBasisRegistryExtensionPoint } from '@datamesh-governance/plugin-data-products-node';
import { dataProductsModulePolly } from './module';
import { PollyLegalBasisRegistry } from './PollyLegalBasisRegistry';

describe('dataProductsModulePolly', () => {
  it('adds the Polly register to the data-products registers', async () => {
    const addRegistry = jest.fn();

    await startTestBackend({
      extensionPoints: [[legalBasisRegistryExtensionPoint, { addRegistry }]],
      features: [
        dataProductsModulePolly,
        mockServices.rootConfig.factory({
          data: {
            dataProducts: {
              legalBasis: {
                polly: { baseUrl: 'https://polly.example.org/api' },
              },
            },
          },
        }),
      ],
    });

    expect(addRegistry).toHaveBeenCalledTimes(1);
    const [registry] = addRegistry.mock.calls[0];
    expect(registry).toBeInstanceOf(PollyLegalBasisRegistry);
    expect(registry.id).toBe('polly');
  });

  it('fails the startup when baseUrl is missing', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [legalBasisRegistryExtensionPoint, { addRegistry: jest.fn() }],
        ],
        features: [
          dataProductsModulePolly,
          mockServices.rootConfig.factory({ data: {} }),
        ],
      }),
    ).rejects.toThrow(/dataProducts\.legalBasis\.polly\.baseUrl/);
  });
});
