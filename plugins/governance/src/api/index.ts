export * from './GovernanceApi';
export { GovernanceClient } from './GovernanceClient';
