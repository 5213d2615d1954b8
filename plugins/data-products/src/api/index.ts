export * from './DataProductsApi';
export { DataProductsClient } from './DataProductsClient';
