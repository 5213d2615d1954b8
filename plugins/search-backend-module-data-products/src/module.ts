import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { withDataProductPorts } from './dataProductDocument';

/**
 * Sets the catalog collator's entity transformer to Backstage's default plus
 * the output ports of DataProducts. Needs
 * `@backstage/plugin-search-backend-module-catalog`; leave it out if you set
 * your own transformer, and wrap that one in `withDataProductPorts` instead.
 * @public
 */
export const searchModuleDataProductPorts = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-product-ports',
  register(env) {
    env.registerInit({
      deps: { catalogCollator: catalogCollatorExtensionPoint },
      async init({ catalogCollator }) {
        catalogCollator.setEntityTransformer(withDataProductPorts());
      },
    });
  },
});
