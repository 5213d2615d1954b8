import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataProductsClient, dataProductsApiRef } from './api';
import {
  accessInboxRouteRef,
  insightsRouteRef,
  marketplaceRouteRef,
  personalDataAccessReportRouteRef,
} from './routes';

/**
 * The data-products plugin for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of `/alpha`.
 * @public
 */
export const dataProductsPlugin = createPlugin({
  id: 'data-products',
  routes: {
    accessInbox: accessInboxRouteRef,
    insights: insightsRouteRef,
    marketplace: marketplaceRouteRef,
    personalDataAccessReport: personalDataAccessReportRouteRef,
  },
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
export const EntityOutputPortsCard: () => JSX.Element | null =
  dataProductsPlugin.provide(
    createComponentExtension({
      name: 'EntityOutputPortsCard',
      component: {
        lazy: () =>
          import('./components/OutputPortsCard').then(m => m.OutputPortsCard),
      },
    }),
  );

/** Purpose, usage, limitations and input ports of a DataProduct. @public */
export const EntityDataProductDetailsCard: () => JSX.Element | null =
  dataProductsPlugin.provide(
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
export const EntityProducedDataProductsCard: () => JSX.Element =
  dataProductsPlugin.provide(
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

/** The Access tab of a DataProduct: the viewer's requests and grants, and a request form per port. @public */
export const EntityAccessContent: () => JSX.Element =
  dataProductsPlugin.provide(
    createComponentExtension({
      name: 'EntityAccessContent',
      component: {
        lazy: () => import('./components/AccessTab').then(m => m.AccessTab),
      },
    }),
  );

/** The owners' Requests tab of a DataProduct: queue, decisions, grants. @public */
export const EntityRequestsContent: () => JSX.Element =
  dataProductsPlugin.provide(
    createComponentExtension({
      name: 'EntityRequestsContent',
      component: {
        lazy: () => import('./components/RequestsTab').then(m => m.RequestsTab),
      },
    }),
  );

/** The Access inbox page: to review, my requests, my grants. @public */
export const AccessInboxPage: () => JSX.Element = dataProductsPlugin.provide(
  createRoutableExtension({
    name: 'AccessInboxPage',
    component: () =>
      import('./components/AccessInbox/AccessInboxPage').then(
        m => m.AccessInboxPage,
      ),
    mountPoint: accessInboxRouteRef,
  }),
);

/** The data-product marketplace: facets, text search, a card per product. @public */
export const DataProductMarketplacePage: () => JSX.Element =
  dataProductsPlugin.provide(
    createRoutableExtension({
      name: 'DataProductMarketplacePage',
      component: () =>
        import('./components/Marketplace').then(m => m.MarketplacePage),
      mountPoint: marketplaceRouteRef,
    }),
  );

/** A data product's access figures of the last 90 days. @public */
export const EntityInsightsCard: () => JSX.Element = dataProductsPlugin.provide(
  createComponentExtension({
    name: 'EntityInsightsCard',
    component: {
      lazy: () =>
        import('./components/InsightsCard/InsightsCard').then(
          m => m.InsightsCard,
        ),
    },
  }),
);

/** The Insights page: decision times, rejection share, queue, per product. @public */
export const InsightsPage: () => JSX.Element = dataProductsPlugin.provide(
  createRoutableExtension({
    name: 'InsightsPage',
    component: () =>
      import('./components/Insights/InsightsPage').then(m => m.InsightsPage),
    mountPoint: insightsRouteRef,
  }),
);

/** The Art. 30 report page: who can read which personal data at a date. @public */
export const PersonalDataAccessReportPage: () => JSX.Element =
  dataProductsPlugin.provide(
    createRoutableExtension({
      name: 'PersonalDataAccessReportPage',
      component: () =>
        import(
          './components/PersonalDataAccessReport/PersonalDataAccessReportPage'
        ).then(m => m.PersonalDataAccessReportPage),
      mountPoint: personalDataAccessReportRouteRef,
    }),
  );
