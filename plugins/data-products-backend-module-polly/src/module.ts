import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { legalBasisRegistryExtensionPoint } from '@datamesh-governance/plugin-data-products-node';
import { PollyLegalBasisRegistry } from './PollyLegalBasisRegistry';

/**
 * Adds a Polly-style HTTP register of processing activities (GDPR Art. 30)
 * to the registers consumers pick the legal basis of an access request from.
 * @public
 */
export const dataProductsModulePolly = createBackendModule({
  pluginId: 'data-products',
  moduleId: 'polly',
  register(reg) {
    reg.registerInit({
      deps: {
        registries: legalBasisRegistryExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ registries, config, logger }) {
        // Reading the config here fails the startup on a missing baseUrl
        // rather than the first search.
        registries.addRegistry(
          PollyLegalBasisRegistry.fromConfig(config, { logger }),
        );
      },
    });
  },
});
