export { governancePolicyDecision } from './governancePolicyDecision';
export type { GovernancePolicyOptions } from './governancePolicyDecision';
