import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleDataProducts } from './module';
import { DataProductEntityProcessor } from './DataProductEntityProcessor';
import { DataProductLineageProcessor } from './lineage/DataProductLineageProcessor';

describe('catalogModuleDataProducts', () => {
  it('registers the DataProduct and lineage processors with the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [catalogModuleDataProducts],
    });
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(DataProductEntityProcessor),
    );
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(DataProductLineageProcessor),
    );
  });
});
