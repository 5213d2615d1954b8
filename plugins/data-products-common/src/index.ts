/**
 * Shared contracts of the data-products plugins.
 *
 * @packageDocumentation
 */

export * from './entity/DataProductEntity';
export * from './entity/isDataProductEntity';
export * from './entity/relations';
export * from './schema/validator';
export * from './access';
export * from './signals/accessRequestsSignal';
// The backend's API, generated from its OpenAPI spec; the models it speaks
// are the types above.
export { DataProductsApiClient } from './generated';
