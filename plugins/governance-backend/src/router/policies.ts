import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { requireCaller, RouterContext } from './context';

/** `GET /policies` (compliance per policy) and `GET /checks?entityRef=` (one entity). */
export function policiesRouter(ctx: RouterContext) {
  const router = Router();

  router.get('/policies', async (req, res) => {
    await requireCaller(ctx, req);
    const adrId = singleQuery(req.query.adrId, 'adrId');
    res.json({ items: await ctx.policies.compliance(adrId) });
  });

  router.get('/checks', async (req, res) => {
    await requireCaller(ctx, req);
    const entityRef = singleQuery(req.query.entityRef, 'entityRef');
    if (!entityRef) {
      throw new InputError(
        'Give entityRef, e.g. ?entityRef=dataproduct:default/benefit-decisions',
      );
    }
    res.json({ items: await ctx.policies.entityChecks(entityRef) });
  });

  return router;
}

function singleQuery(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`Give ${name} once, as a string`);
  }
  return value;
}
