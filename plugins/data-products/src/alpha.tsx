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
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import StorefrontIcon from '@material-ui/icons/Storefront';
import TimelineIcon from '@material-ui/icons/Timeline';
import { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
import { DataProductsClient, dataProductsApiRef } from './api';
import { isDataProductSearchResult } from './isDataProductSearchResult';
import {
  accessInboxRouteRef,
  insightsRouteRef,
  marketplaceRouteRef,
  personalDataAccessReportRouteRef,
} from './routes';

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

/** `page:data-products/marketplace`: find data products by facets and ask for access. */
const marketplacePage = PageBlueprint.make({
  name: 'marketplace',
  params: {
    path: '/data-products',
    title: 'Data products',
    icon: <StorefrontIcon fontSize="inherit" />,
    routeRef: marketplaceRouteRef,
    loader: () =>
      import('./components/Marketplace/MarketplacePage').then(
        ({ MarketplacePageContent }) => <MarketplacePageContent />,
      ),
  },
});

/** `search-result-list-item:data-products/data-product`: ports and owner in search results. */
const dataProductSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'data-product',
  params: {
    predicate: isDataProductSearchResult,
    icon: <StorefrontIcon />,
    component: () =>
      import('./components/DataProductSearchResultListItem').then(
        m => m.DataProductSearchResultListItem,
      ),
  },
});

/** A data product's own access figures of the last 90 days, for everyone who sees it. */
const insightsCard = EntityCardBlueprint.make({
  name: 'insights',
  params: {
    type: 'content',
    filter: isDataProductEntity,
    loader: () =>
      import('./components/InsightsCard/InsightsCard').then(
        ({ InsightsCard }) => <InsightsCard />,
      ),
  },
});

/** Decision times, rejection share and the queue, with charts (lazy: it brings recharts). */
const insightsPage = PageBlueprint.make({
  name: 'insights',
  params: {
    path: '/data-products/insights',
    title: 'Access insights',
    icon: <TimelineIcon fontSize="inherit" />,
    routeRef: insightsRouteRef,
    loader: () =>
      import('./components/Insights/InsightsPage').then(
        ({ InsightsPageContent }) => <InsightsPageContent />,
      ),
  },
});

/**
 * The Art. 30 report. No icon, so it is not a plain nav item: the app shows
 * `PersonalDataAccessReportSidebarItem`, which only those allowed see.
 */
const personalDataAccessReportPage = PageBlueprint.make({
  name: 'personal-data-access-report',
  params: {
    path: '/data-products/reports/personal-data-access',
    title: 'Personal data access (Art. 30)',
    routeRef: personalDataAccessReportRouteRef,
    loader: () =>
      import(
        './components/PersonalDataAccessReport/PersonalDataAccessReportPage'
      ).then(({ PersonalDataAccessReportPageContent }) => (
        <PersonalDataAccessReportPageContent />
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
  routes: {
    accessInbox: accessInboxRouteRef,
    insights: insightsRouteRef,
    marketplace: marketplaceRouteRef,
    personalDataAccessReport: personalDataAccessReportRouteRef,
  },
  extensions: [
    dataProductsApi,
    outputPortsCard,
    detailsCard,
    producedDataProductsCard,
    accessContent,
    requestsContent,
    accessInboxPage,
    marketplacePage,
    dataProductSearchResultListItem,
    insightsCard,
    insightsPage,
    personalDataAccessReportPage,
  ],
});
