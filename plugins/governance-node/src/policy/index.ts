export { governancePolicyDecision } from './governancePolicyDecision';
