/**
 * Puts the output ports of DataProducts into their catalog search documents.
 *
 * @packageDocumentation
 */

export { searchModuleDataProductPorts as default } from './module';
export { withDataProductPorts } from './dataProductDocument';
export type { OutputPortSummary } from './dataProductDocument';
