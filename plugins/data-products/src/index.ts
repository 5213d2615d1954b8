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
} from './plugin';
export { AccessInboxSidebarItem } from './components/AccessInboxSidebarItem';
export { accessInboxRouteRef } from './routes';
export { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
export * from './api';
