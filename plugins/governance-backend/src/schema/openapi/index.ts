export * from './generated';
export { spec, createOpenApiRouter } from './generated/router';
