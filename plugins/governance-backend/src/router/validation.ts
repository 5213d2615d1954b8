import { ErrorRequestHandler, RequestHandler } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import { RequestInputError } from './RequestInputError';

type ValidatorIssue = { path: string; message: string; errorCode?: string };

/** Turns the validator's 400 into ours, issues kept; other errors pass as they are. */
const keepIssues: ErrorRequestHandler = (error, _req, _res, next) => {
  const issues: ValidatorIssue[] | undefined = error?.errors;
  if (error?.status !== 400 || !Array.isArray(issues)) {
    // 405, 415 and the like keep their status.
    next(error);
    return;
  }
  next(
    new RequestInputError(
      issues.map(issue => ({
        path: issue.path,
        message:
          issue.errorCode === 'additionalProperties.openapi.validation'
            ? `unknown field ${issue.path.split('/').pop()}`
            : issue.message,
      })),
    ),
  );
};

/**
 * Validates requests against the spec with the validator and options of
 * `@backstage/backend-openapi-utils`, but keeps the validator's issues: the
 * library turns every error before its routes into an `InputError` with one
 * message, and a 400 should list the issues field by field. So this runs
 * in front of the library's router, whose own request validation is off
 * (see router/index.ts), and each request is validated once.
 */
export function requestValidation(
  spec: object,
): Array<RequestHandler | ErrorRequestHandler> {
  return [
    ...openApiValidator({
      apiSpec: spec as any,
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: false,
        // Our schemas are small and bodies capped by express.json(); a form
        // wants every field's issue at once.
        allErrors: true,
      },
      validateResponses: false,
      useRequestUrl: true,
      ignoreUndocumented: true,
    }),
    keepIssues,
  ];
}
