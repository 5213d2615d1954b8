/**
 * Frontend of the governance plugin (legacy frontend system): the forum's
 * ADRs, opinions on proposed ones, and each data product's policy checks.
 * For the new frontend system, see `@datamesh-governance/plugin-governance/alpha`.
 *
 * @packageDocumentation
 */

export {
  governancePlugin,
  GovernancePage,
  EntityGovernanceContent,
  AdrSearchResultListItem,
} from './plugin';
export { isAdrSearchResult } from './isAdrSearchResult';
export { rootRouteRef as governanceRootRouteRef, adrRouteRef } from './routes';
export * from './api';
