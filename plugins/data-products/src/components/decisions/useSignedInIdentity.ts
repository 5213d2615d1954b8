import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The signed-in user's entity ref and the refs they own or belong to;
 * undefined while loading.
 */
export function useSignedInIdentity() {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return value;
}

/** Separation of duties: nobody decides on a request they made. */
export const SELF_DECISION_REASON = 'You asked for this; another owner decides';
