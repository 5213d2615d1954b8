export { GovernancePage } from './GovernancePage';
export { GovernanceRoutes } from './GovernanceRoutes';
