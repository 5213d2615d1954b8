/**
 * Catalog module for the DataProduct kind.
 *
 * @packageDocumentation
 */

export { catalogModuleDataProducts as default } from './module';
export { DataProductEntityProcessor } from './DataProductEntityProcessor';
export { DataProductLineageProcessor } from './lineage/DataProductLineageProcessor';
export type { GrantLineage, LineagePair } from './lineage/GrantLineage';
