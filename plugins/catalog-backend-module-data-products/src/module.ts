import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DataProductEntityProcessor } from './DataProductEntityProcessor';
import { DataProductLineageProcessor } from './lineage/DataProductLineageProcessor';
import { DataProductsLineageClient } from './lineage/DataProductsLineageClient';

/**
 * Adds the DataProduct kind to the catalog, and draws active access grants
 * to services and groups as lineage relations.
 * @public
 */
export const catalogModuleDataProducts = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-products',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, discovery, auth, logger }) {
        catalog.addProcessor(new DataProductEntityProcessor());
        catalog.addProcessor(
          new DataProductLineageProcessor(
            new DataProductsLineageClient(discovery, auth),
            logger,
          ),
        );
      },
    });
  },
});
