import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '@datamesh-governance/plugin-data-products-common';
import { RouterContext } from './context';
import { ApiRouter } from './types';

/** Kinds the catalog draws lineage for; a user's grant is no lineage. */
const SUBJECT_KINDS = ['component', 'group'];
/** Pages of 100 read at most: a subject with more grants is cut off. */
const MAX_PAGES = 10;

/**
 * GET /lineage?entityRef=: the data products a service or group holds an
 * active grant for, for the catalog's lineage processor. Service
 * principals only; the relations it draws are public in the catalog, the
 * grants' purposes and requesters are not, so only refs go out.
 */
export function lineageRoutes(router: ApiRouter, ctx: RouterContext) {
  router.get('/lineage', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['service'] });
    const subjectRef = subjectOf(req.query.entityRef);
    // The subject as its own viewer: the store seeks its "subject" index
    // rows, and the condition keeps out requests it merely decides on.
    const viewer = { userRef: subjectRef, claims: [subjectRef] };
    const criteria = { relation: 'requester' as const, refs: [subjectRef] };
    const products = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const found = await ctx.service.list(
        { status: 'approved', limit: 100, cursor },
        viewer,
        criteria,
      );
      for (const grant of found.items) {
        if (grant.subjectRef === subjectRef && grant.status === 'approved') {
          products.add(grant.entityRef);
        }
      }
      cursor = found.nextCursor;
      if (!cursor) break;
    }
    res.json({
      items: [...products].sort().map(dataProductRef => ({
        dataProductRef,
        subjectRef,
      })),
    });
  });
}

function subjectOf(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new InputError('entityRef: give one component or group ref');
  }
  let ref: string;
  try {
    ref = normalizeEntityRef(raw, { defaultKind: 'component' });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
  const kind = ref.split(':')[0];
  if (!SUBJECT_KINDS.includes(kind)) {
    throw new InputError(
      `entityRef: lineage is drawn for components and groups, not for a ${kind}`,
    );
  }
  return ref;
}
