export * from './problem';
export * from './entityRef';
export * from './deciders';
export * from './activityValidity';
export * from './legalBasis';
export * from './endDate';
