import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleDataProducts } from './module';
import { DataProductEntityProcessor } from './DataProductEntityProcessor';

describe('catalogModuleDataProducts', () => {
  it('registers the DataProduct processor with the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [catalogModuleDataProducts],
    });
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(DataProductEntityProcessor),
    );
  });
});
