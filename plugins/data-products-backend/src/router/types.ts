import type { Request } from 'express';
import type { createOpenApiRouter } from '../schema/openapi/generated';

/** The router the spec types: each route's params, query, body and answer. */
export type ApiRouter = ReturnType<typeof createOpenApiRouter>;

/** Any route's request, whatever the spec says its parts are. */
export type AnyRequest = Request<any, any, any, any, any>;
