import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { accessProvisionerExtensionPoint } from '@datamesh-governance/plugin-data-products-node';
import { CONFIG_ROOT } from './config';
import { PostgresAccessProvisioner } from './PostgresAccessProvisioner';

/**
 * Applies grants on `server.type: postgres` output ports in PostgreSQL.
 * Without `dataProducts.provisioners.postgres` it adds nothing, and owners
 * apply grants by hand.
 * @public
 */
export const dataProductsModulePostgres = createBackendModule({
  pluginId: 'data-products',
  moduleId: 'postgres',
  register(reg) {
    reg.registerInit({
      deps: {
        provisioners: accessProvisionerExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ provisioners, config, logger }) {
        // Read at startup, so a config mistake stops the backend rather
        // than failing every grant.
        const provisioner = PostgresAccessProvisioner.fromConfig(config, {
          logger,
        });
        if (!provisioner) {
          logger.info(
            `${CONFIG_ROOT} is not configured; grants on postgres ports are applied by hand`,
          );
          return;
        }
        provisioners.addProvisioner(provisioner);
      },
    });
  },
});
