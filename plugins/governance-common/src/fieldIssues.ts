import type { FieldIssue } from './generated/models';

// One thing wrong with a request, as a 400 lists them in `error.issues`: the
// spec's model.
export type { FieldIssue } from './generated/models';

function isFieldIssue(value: unknown): value is FieldIssue {
  const candidate = value as Partial<FieldIssue> | null;
  return (
    typeof candidate?.path === 'string' &&
    typeof candidate?.message === 'string'
  );
}

/**
 * The issues of a 400's body (`{ error: { issues } }`), or none when it has
 * none. Takes anything, since a body is whatever the server sent.
 * @public
 */
export function fieldIssuesOf(body: unknown): FieldIssue[] {
  const issues = (body as { error?: { issues?: unknown } } | undefined)?.error
    ?.issues;
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : [];
}

/**
 * The body field an issue is about (`comment` for `/body/comment`), if any.
 * @public
 */
export function bodyFieldOf(issue: FieldIssue): string | undefined {
  const match = /^\/body\/([^/]+)/.exec(issue.path);
  return match?.[1];
}

/**
 * Zod's issues for a part of the request, one per field; an unknown field
 * is an issue of its own, named, so that the author of a request sees which.
 * @public
 */
export function fieldIssuesFromZod(
  issues: ReadonlyArray<{
    path: ReadonlyArray<PropertyKey>;
    message: string;
    code?: string;
    keys?: string[];
  }>,
  part: 'body' | 'query' | 'params',
): FieldIssue[] {
  return issues.flatMap(issue => {
    const path = [`/${part}`, ...issue.path.map(String)].join('/');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map(key => ({
        path: `${path}/${key}`,
        message: `unknown field ${key}`,
      }));
    }
    return [{ path, message: issue.message }];
  });
}
