/**
 * Frontend of the data-products plugin (legacy frontend system).
 * For the new frontend system, see `@datamesh-governance/plugin-data-products/alpha`.
 *
 * @packageDocumentation
 */

export {
  dataProductsPlugin,
  EntityOutputPortsCard,
  EntityDataProductDetailsCard,
  EntityProducedDataProductsCard,
  EntityAccessContent,
  EntityRequestsContent,
  AccessInboxPage,
  DataProductMarketplacePage,
  EntityInsightsCard,
  InsightsPage,
  PersonalDataAccessReportPage,
} from './plugin';
export { AccessInboxSidebarItem } from './components/AccessInboxSidebarItem';
export { PersonalDataAccessReportSidebarItem } from './components/PersonalDataAccessReportSidebarItem';
export {
  accessInboxRouteRef,
  insightsRouteRef,
  marketplaceRouteRef,
  personalDataAccessReportRouteRef,
} from './routes';
export { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
export { isDataProductSearchResult } from './isDataProductSearchResult';
export * from './api';
