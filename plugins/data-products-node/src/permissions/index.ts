export * from './rules';
export * from './conditions';
