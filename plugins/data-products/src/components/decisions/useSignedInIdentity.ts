import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
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

/** Separation of duties: nobody decides on access for themselves or their group. */
export const SUBJECT_DECISION_REASON =
  'This access is for you or a group you belong to; another owner decides';

/**
 * Why this person may not decide on `request` (separation of duties, as
 * the backend enforces it); undefined when they may.
 */
export function separationOfDutiesReason(
  identity: { userEntityRef: string; ownershipEntityRefs: string[] },
  request: Pick<AccessRequest, 'requesterRef' | 'subjectRef'>,
): string | undefined {
  if (identity.userEntityRef === request.requesterRef) {
    return SELF_DECISION_REASON;
  }
  if (
    identity.userEntityRef === request.subjectRef ||
    identity.ownershipEntityRefs.includes(request.subjectRef)
  ) {
    return SUBJECT_DECISION_REASON;
  }
  return undefined;
}
