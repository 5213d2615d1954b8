import { parseEntityRef } from '@backstage/catalog-model';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';

/**
 * "request of ada.analyst for benefit-decisions/decisions_v1": names a request
 * in button labels, row names and messages.
 */
export function describeRequest(request: AccessRequest): string {
  return `request of ${shortRef(request.requesterRef)} for ${shortRef(
    request.entityRef,
  )}/${request.outputPort}`;
}

/** The name part of an entity ref, for compact labels. */
function shortRef(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
