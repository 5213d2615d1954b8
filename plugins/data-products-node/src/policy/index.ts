export { dataProductsPolicyDecision } from './dataProductsPolicyDecision';
export type { DataProductsPolicyOptions } from './dataProductsPolicyDecision';
