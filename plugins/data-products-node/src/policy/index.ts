export { dataProductsPolicyDecision } from './dataProductsPolicyDecision';
