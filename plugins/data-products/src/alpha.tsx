import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
import { DataProductsClient, dataProductsApiRef } from './api';

const dataProductsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataProductsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductsClient({ discoveryApi, fetchApi }),
    }),
});

const outputPortsCard = EntityCardBlueprint.make({
  name: 'output-ports',
  params: {
    type: 'content',
    filter: isDataProductEntity,
    loader: () =>
      import('./components/OutputPortsCard').then(m => <m.OutputPortsCard />),
  },
});

const detailsCard = EntityCardBlueprint.make({
  name: 'details',
  params: {
    type: 'info',
    filter: isDataProductEntity,
    loader: () =>
      import('./components/DataProductDetailsCard').then(m => (
        <m.DataProductDetailsCard />
      )),
  },
});

const producedDataProductsCard = EntityCardBlueprint.make({
  name: 'produced-data-products',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/ProducedDataProductsCard').then(m => (
        <m.ProducedDataProductsCard />
      )),
  },
});

/**
 * The data-products plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-products',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    dataProductsApi,
    outputPortsCard,
    detailsCard,
    producedDataProductsCard,
  ],
});
