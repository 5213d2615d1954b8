/**
 * Scaffolder actions that register data products: validate a DataProduct
 * against the kind's schema, write its descriptor, and (demo portals only)
 * publish it to a directory the catalog reads.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataProducts as default } from './module';
export { createValidateDataProductAction } from './actions/validateDataProduct';
export { createWriteDataProductAction } from './actions/writeDataProduct';
export { createPublishDemoDataProductAction } from './actions/publishDemoDataProduct';
