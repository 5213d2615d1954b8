import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createValidateDataProductAction } from './actions/validateDataProduct';
import { createWriteDataProductAction } from './actions/writeDataProduct';
import { createPublishDemoDataProductAction } from './actions/publishDemoDataProduct';

/**
 * Adds the data-product actions to the scaffolder:
 * `datamesh:data-product:validate`, `datamesh:data-product:write` and
 * `datamesh:data-product:publish-demo`.
 * @public
 */
export const scaffolderModuleDataProducts = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'data-products',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createValidateDataProductAction(),
          createWriteDataProductAction(),
          createPublishDemoDataProductAction({ config }),
        );
      },
    });
  },
});
