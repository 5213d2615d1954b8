import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataProductsClient, dataProductsApiRef } from './api';

/**
 * The data-products plugin for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of `/alpha`.
 * @public
 */
export const dataProductsPlugin = createPlugin({
  id: 'data-products',
  apis: [
    createApiFactory({
      api: dataProductsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Output ports of a DataProduct, for its overview tab. @public */
export const EntityOutputPortsCard = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityOutputPortsCard',
    component: {
      lazy: () =>
        import('./components/OutputPortsCard').then(m => m.OutputPortsCard),
    },
  }),
);

/** Purpose, usage, limitations and input ports of a DataProduct. @public */
export const EntityDataProductDetailsCard = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductDetailsCard',
    component: {
      lazy: () =>
        import('./components/DataProductDetailsCard').then(
          m => m.DataProductDetailsCard,
        ),
    },
  }),
);

/** The data products a service produces, for a Component's overview. @public */
export const EntityProducedDataProductsCard = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityProducedDataProductsCard',
    component: {
      lazy: () =>
        import('./components/ProducedDataProductsCard').then(
          m => m.ProducedDataProductsCard,
        ),
    },
  }),
);
