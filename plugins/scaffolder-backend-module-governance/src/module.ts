import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPublishDemoGroundRuleAction } from './actions/publishDemoGroundRule';
import { createValidateGroundRuleAction } from './actions/validateGroundRule';
import { createWriteGroundRuleAction } from './actions/writeGroundRule';

/**
 * Adds the ground-rule actions to the scaffolder:
 * `datamesh:ground-rule:validate`, `datamesh:ground-rule:write` and
 * `datamesh:ground-rule:publish-demo`.
 * @public
 */
export const scaffolderModuleGovernance = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'governance',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        scaffolder.addActions(
          createValidateGroundRuleAction({ discovery, auth }),
          createWriteGroundRuleAction({ discovery, auth }),
          createPublishDemoGroundRuleAction({ config }),
        );
      },
    });
  },
});
