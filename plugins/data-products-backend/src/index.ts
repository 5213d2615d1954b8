/**
 * Backend of the data-products plugin: access requests, grants and audit.
 *
 * @packageDocumentation
 */

export { dataProductsPlugin as default } from './plugin';
export { accessRequestResourceRef } from './permissions/rules';
export {
  accessRequestConditions,
  createAccessRequestConditionalDecision,
} from './permissions/conditionExports';
