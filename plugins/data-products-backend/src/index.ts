/**
 * Backend of the data-products plugin: access requests, grants and audit.
 * Permission rules and conditions for policies live in
 * `@datamesh-governance/plugin-data-products-node`.
 *
 * @packageDocumentation
 */

export { dataProductsPlugin as default } from './plugin';
