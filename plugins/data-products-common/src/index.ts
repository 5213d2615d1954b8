/**
 * Shared contracts of the data-products plugins.
 *
 * @packageDocumentation
 */

export * from './entity/DataProductEntity';
export * from './entity/isDataProductEntity';
export * from './entity/relations';
export * from './entity/catalogQuery';
export * from './schema/validator';
export * from './access';
export * from './signals/accessRequestsSignal';
// The backend's API, generated from its OpenAPI spec: the client, the
// requests its methods take and every model of the spec (the access types
// above are these models, not copies).
export { DataProductsApiClient } from './generated';
export type * from './generated';
