import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { checkAdrId, requireCaller, RouterContext } from './context';

/** `GET /policies` (compliance per policy) and `GET /checks?entityRef=` (one entity). */
export function policiesRouter(ctx: RouterContext) {
  const router = Router();

  router.get('/policies', async (req, res) => {
    await requireCaller(ctx, req);
    const adrId = singleQuery(req.query.adrId, 'adrId');
    res.json({
      items: await ctx.policies.compliance(adrId && checkAdrId(adrId)),
    });
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

// Entity refs are at most a few hundred characters; ids far shorter.
const MAX_QUERY_LENGTH = 1000;

function singleQuery(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`Give ${name} once, as a string`);
  }
  if (value.length > MAX_QUERY_LENGTH) {
    throw new InputError(
      `${name} is longer than ${MAX_QUERY_LENGTH} characters`,
    );
  }
  // The catalog's database cannot store NUL either; no ref has control characters.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F]/.test(value)) {
    throw new InputError(`${name} must not contain control characters`);
  }
  return value;
}
