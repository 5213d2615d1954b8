/**
 * Catalog module for the DataProduct kind.
 *
 * @packageDocumentation
 */

export { catalogModuleDataProducts as default } from './module';
export { DataProductEntityProcessor } from './DataProductEntityProcessor';
