import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  problemCloseSchema,
  problemInputSchema,
  ProblemStatus,
} from '@datamesh-governance/plugin-governance-common';
import { Request } from 'express';
import {
  callerCredentials,
  GovernanceApiRouter,
  RouterContext,
} from './context';
import { parseBody } from './parse';

type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** The user a list is read for, so it can say what they support; none for services. */
function viewerOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/**
 * Runs a change to a problem inside an auditor event (kebab-case id). Meta
 * holds ids and refs, never the title, description or reason.
 */
async function audited<T>(
  ctx: RouterContext,
  req: AnyRequest,
  eventId: string,
  meta: Record<string, string>,
  run: () => Promise<T>,
  outcome: (result: T) => Record<string, string | boolean>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    request: req as Request,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await run();
    await event.success({ meta: outcome(result) });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

const userOnly = (ctx: RouterContext, req: AnyRequest) =>
  ctx.httpAuth.credentials(req, { allow: ['user'] });

/** Problems raised for the forum: list, raise, support, link to an ADR, close. */
export function problemRoutes(router: GovernanceApiRouter, ctx: RouterContext) {
  const problems = ctx.problems;

  router.get('/problems', async (req, res) => {
    const credentials = await callerCredentials(ctx, req);
    const status: ProblemStatus = req.query.status ?? 'open';
    res.json(
      await problems.list(
        {
          status,
          limit: Number(req.query.limit ?? 25),
          cursor: req.query.cursor,
        },
        viewerOf(credentials),
      ),
    );
  });

  router.post('/problems', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const input = parseBody(problemInputSchema, req.body);
    const problem = await audited(
      ctx,
      req,
      'governance-problem-raise',
      { entityRefs: input.entityRefs.join(',') },
      () => problems.raise(input, credentials),
      raised => ({ problemId: raised.id }),
    );
    res.status(201).json(problem);
  });

  router.get('/problems/:problemId', async (req, res) => {
    const credentials = await callerCredentials(ctx, req);
    res.json(await problems.get(req.params.problemId, viewerOf(credentials)));
  });

  router.get('/problems/:problemId/history', async (req, res) => {
    await callerCredentials(ctx, req);
    res.json({ items: await problems.history(req.params.problemId) });
  });

  router.put('/problems/:problemId/support', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const { problemId } = req.params;
    const { problem } = await audited(
      ctx,
      req,
      'governance-problem-support',
      { problemId },
      () => problems.support(problemId, credentials),
      result => ({
        changed: result.changed,
        supportCount: String(result.problem.supportCount),
      }),
    );
    res.json(problem);
  });

  router.delete('/problems/:problemId/support', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const { problemId } = req.params;
    const { problem } = await audited(
      ctx,
      req,
      'governance-problem-support-withdraw',
      { problemId },
      () => problems.withdrawSupport(problemId, credentials),
      result => ({
        changed: result.changed,
        supportCount: String(result.problem.supportCount),
      }),
    );
    res.json(problem);
  });

  router.put('/problems/:problemId/adr', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const { problemId } = req.params;
    const { adrId } = req.body;
    const { problem } = await audited(
      ctx,
      req,
      'governance-problem-adr-link',
      { problemId, adrId },
      () => problems.linkAdr(problemId, adrId, credentials),
      result => ({ changed: result.changed }),
    );
    res.json(problem);
  });

  router.delete('/problems/:problemId/adr', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const { problemId } = req.params;
    const { problem } = await audited(
      ctx,
      req,
      'governance-problem-adr-unlink',
      { problemId },
      () => problems.linkAdr(problemId, null, credentials),
      result => ({ changed: result.changed }),
    );
    res.json(problem);
  });

  router.post('/problems/:problemId/close', async (req, res) => {
    const credentials = await userOnly(ctx, req);
    const { problemId } = req.params;
    const { reason } = parseBody(problemCloseSchema, req.body);
    const problem = await audited(
      ctx,
      req,
      'governance-problem-close',
      { problemId },
      () => problems.close(problemId, reason, credentials),
      closed => ({ status: closed.status }),
    );
    res.json(problem);
  });
}
