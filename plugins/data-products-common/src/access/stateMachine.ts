import type { AccessRequestAction, AccessRequestStatus } from './types';

const transitions: Record<
  AccessRequestAction,
  { from: readonly AccessRequestStatus[]; to: AccessRequestStatus }
> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  cancel: { from: ['pending'], to: 'cancelled' },
  revoke: { from: ['approved'], to: 'revoked' },
  expire: { from: ['pending', 'approved'], to: 'expired' },
};

/** The statuses an action may start from. @public */
export function statusesAllowing(
  action: AccessRequestAction,
): readonly AccessRequestStatus[] {
  return transitions[action].from;
}

/**
 * The status after `action`, or undefined when the action is not allowed
 * from `status`. Terminal statuses allow nothing.
 * @public
 */
export function nextStatus(
  status: AccessRequestStatus,
  action: AccessRequestAction,
): AccessRequestStatus | undefined {
  const rule = transitions[action];
  return rule.from.includes(status) ? rule.to : undefined;
}

/** True when no action can change the status any more. @public */
export function isTerminalStatus(status: AccessRequestStatus): boolean {
  return status !== 'pending' && status !== 'approved';
}

/**
 * The status as of `now`: an open request whose end has passed is expired,
 * whether or not the sweeper has marked it yet.
 * @public
 */
export function effectiveStatus(
  request: { status: AccessRequestStatus; endsAt: string | number | Date },
  now: Date = new Date(),
): AccessRequestStatus {
  if (
    !isTerminalStatus(request.status) &&
    new Date(request.endsAt).getTime() <= now.getTime()
  ) {
    return 'expired';
  }
  return request.status;
}
