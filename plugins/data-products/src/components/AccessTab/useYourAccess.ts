import { useApi } from '@backstage/core-plugin-api';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductsApiRef } from '../../api';

/** Requests per page; one person rarely has more for one product. */
const LIMIT = 100;

/**
 * The viewer's requests for a data product, plus grants in force for any of
 * their subjects (a group of theirs, a service they own) that someone else
 * asked for. Newest first.
 */
export function useYourAccess(entityRef: string, subjectRefs: string[]) {
  const api = useApi(dataProductsApiRef);
  const subjects = subjectRefs.join(',');
  return useAsyncRetry(async () => {
    const [requests, grants] = await Promise.all([
      api.listRequests({ role: 'requester', entityRef, limit: LIMIT }),
      api.listGrants({ entityRef, limit: LIMIT }),
    ]);
    const mine = new Set(requests.items.map(r => r.id));
    const mySubjects = new Set(subjects.split(','));
    const items: AccessRequest[] = [
      ...requests.items,
      ...grants.items.filter(
        g => !mine.has(g.id) && mySubjects.has(g.subjectRef),
      ),
    ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { items, truncated: Boolean(requests.nextCursor) };
  }, [api, entityRef, subjects]);
}

/** The state of {@link useYourAccess}, with `retry` to load it again. */
export type YourAccess = ReturnType<typeof useYourAccess>;
