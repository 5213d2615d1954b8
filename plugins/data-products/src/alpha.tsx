import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
import { DataProductsClient, dataProductsApiRef } from './api';
import { accessInboxRouteRef } from './routes';

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

/** The viewer's own requests and grants, and a request form per output port. */
const accessContent = EntityContentBlueprint.make({
  name: 'access',
  params: {
    path: 'access',
    title: 'Access',
    filter: isDataProductEntity,
    loader: () => import('./components/AccessTab').then(m => <m.AccessTab />),
  },
});

/** The owners' queue, decisions and grants of one data product. */
const requestsContent = EntityContentBlueprint.make({
  name: 'requests',
  params: {
    path: 'requests',
    title: 'Requests',
    filter: isDataProductEntity,
    loader: () =>
      import('./components/RequestsTab').then(m => <m.RequestsTab />),
  },
});

/** Requests to decide across all products, and the viewer's own requests and grants. */
const accessInboxPage = PageBlueprint.make({
  name: 'access-inbox',
  params: {
    path: '/access-inbox',
    title: 'Access inbox',
    icon: <AssignmentTurnedInIcon fontSize="inherit" />,
    routeRef: accessInboxRouteRef,
    loader: () =>
      import('./components/AccessInbox/AccessInboxPage').then(
        ({ AccessInboxPageContent }) => <AccessInboxPageContent />,
      ),
  },
});

/**
 * The data-products plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-products',
  info: { packageJson: () => import('../package.json') },
  routes: { accessInbox: accessInboxRouteRef },
  extensions: [
    dataProductsApi,
    outputPortsCard,
    detailsCard,
    producedDataProductsCard,
    accessContent,
    requestsContent,
    accessInboxPage,
  ],
});
