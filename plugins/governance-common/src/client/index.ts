export * from './GovernanceApiClient';
