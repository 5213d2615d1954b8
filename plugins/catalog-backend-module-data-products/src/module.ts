import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DataProductEntityProcessor } from './DataProductEntityProcessor';

/**
 * Adds the DataProduct kind to the catalog.
 * @public
 */
export const catalogModuleDataProducts = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-products',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ catalog }) {
        catalog.addProcessor(new DataProductEntityProcessor());
      },
    });
  },
});
