import type {
  AccessRequest,
  AccessRequestAuditEntry,
  AccessRequestWithAudit,
} from '@datamesh-governance/plugin-data-products-common';

/** The actor the backend records for what it does by itself (expiry, auto-approval, provisioning). */
export const SYSTEM_ACTOR = 'plugin:data-products';

/** One line of a request's history: what happened, who did it, when and why. */
export type TimelineEvent = {
  id: number;
  action: AccessRequestAuditEntry['action'];
  title: string;
  /** Undefined when the portal did it by itself. */
  actorRef?: string;
  at: string;
  reason?: string;
};

function titleOf(
  entry: AccessRequestAuditEntry,
  request: AccessRequest,
): string {
  const automatic = entry.actorRef === SYSTEM_ACTOR;
  switch (entry.action) {
    case 'create':
      return request.channel === 'assistant'
        ? 'Requested through an AI assistant'
        : 'Requested';
    case 'approve':
      return automatic ? 'Approved automatically' : 'Approved';
    case 'reject':
      return 'Rejected';
    case 'cancel':
      return entry.actorRef === request.requesterRef
        ? 'Cancelled by the requester'
        : 'Cancelled';
    case 'revoke':
      return 'Revoked';
    case 'expire':
      return entry.fromStatus === 'pending'
        ? 'Expired before a decision'
        : 'Access ended: expired';
    case 'provision':
      return 'Provisioned where the data lives';
    case 'unprovision':
      return 'Access removed where the data lives';
    case 'provision-fail':
      return 'Provisioning failed';
    default:
      return entry.action;
  }
}

/**
 * The audit trail as a timeline, oldest first. The audit holds no reasons:
 * the request's decisionReason belongs to its approval or rejection, its
 * closingReason to the revocation, cancellation or expiry, and the latest
 * provisioning error to the last failed attempt.
 */
export function requestTimeline(
  request: AccessRequestWithAudit,
): TimelineEvent[] {
  const entries = [...request.audit].sort(
    (a, b) => a.at.localeCompare(b.at) || a.id - b.id,
  );
  const lastFailure = entries.filter(e => e.action === 'provision-fail').pop();
  return entries.map(entry => {
    let reason: string | undefined;
    if (entry.action === 'approve' || entry.action === 'reject') {
      reason = request.decisionReason;
    } else if (['revoke', 'cancel', 'expire'].includes(entry.action)) {
      reason = request.closingReason;
    } else if (
      entry === lastFailure &&
      request.provisioning?.state === 'failed'
    ) {
      reason = request.provisioning.error;
    }
    return {
      id: entry.id,
      action: entry.action,
      title: titleOf(entry, request),
      actorRef: entry.actorRef === SYSTEM_ACTOR ? undefined : entry.actorRef,
      at: entry.at,
      reason: reason || undefined,
    };
  });
}
