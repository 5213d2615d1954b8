// How a generated request came to its status: when it was made, decided
// and closed, when it ends, and the audit history that tells it. Stored
// statuses are also the statuses at read time: pending and approved
// requests end in the future, expired ones in the past.

export const SYSTEM_ACTOR = 'plugin:data-products';
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * `request` with times, decision and closing fields, and `history`.
 * random: the generator's numbers in [0, 1); deciderOf(requesterRef): a
 * member of the owning group other than the requester.
 */
export function withLifecycle(request, { now, random, deciderOf }) {
  const between = (from, to) => from + Math.floor(random() * (to - from));
  const { requesterRef } = request;
  const fields = {
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    decidersAtDecision: null,
    closedBy: null,
    closedAt: null,
    closingReason: null,
  };
  const history = [];
  const step = (action, actorRef, fromStatus, toStatus, at) =>
    history.push({ action, actorRef, fromStatus, toStatus, at });
  const decide = (action, toStatus, at) => {
    const by = deciderOf(requesterRef);
    Object.assign(fields, {
      decidedBy: by,
      decidedAt: at,
      decisionReason:
        action === 'reject'
          ? 'The purpose does not need personal data; use the statistics port.'
          : null,
      decidersAtDecision: request.deciders,
    });
    step(action, by, 'pending', toStatus, at);
  };
  const close = (action, by, fromStatus, toStatus, at, reason) => {
    Object.assign(fields, {
      closedBy: by,
      closedAt: at,
      closingReason: reason,
    });
    step(action, by, fromStatus, toStatus, at);
  };
  const decisionAfter = createdAt =>
    Math.min(now, createdAt + between(10 * MINUTE, 7 * DAY));

  let createdAt;
  let endsAt;
  switch (request.status) {
    case 'pending':
      createdAt = now - between(0, 90 * DAY);
      endsAt = now + between(7 * DAY, 365 * DAY);
      break;
    case 'approved':
      createdAt = now - between(0, 300 * DAY);
      decide('approve', 'approved', decisionAfter(createdAt));
      endsAt = now + between(DAY, 365 * DAY);
      break;
    case 'rejected':
      createdAt = now - between(0, 730 * DAY);
      decide('reject', 'rejected', decisionAfter(createdAt));
      endsAt = createdAt + between(30 * DAY, 365 * DAY);
      break;
    case 'cancelled': {
      createdAt = now - between(0, 730 * DAY);
      endsAt = createdAt + between(30 * DAY, 365 * DAY);
      const at = Math.min(now, createdAt + between(60 * MINUTE, 5 * DAY));
      close(
        'cancel',
        requesterRef,
        'pending',
        'cancelled',
        at,
        'No longer needed.',
      );
      break;
    }
    case 'expired': {
      // Most expired requests had been granted; the rest were never decided.
      createdAt = now - between(30 * DAY, 730 * DAY);
      const wasApproved = random() < 0.7;
      if (wasApproved) decide('approve', 'approved', decisionAfter(createdAt));
      endsAt = Math.min(
        createdAt + between(30 * DAY, 365 * DAY),
        now - 60 * MINUTE,
      );
      const from = wasApproved ? 'approved' : 'pending';
      step('expire', SYSTEM_ACTOR, from, 'expired', endsAt);
      break;
    }
    case 'revoked': {
      createdAt = now - between(30 * DAY, 730 * DAY);
      decide('approve', 'approved', decisionAfter(createdAt));
      endsAt = createdAt + between(60 * DAY, 365 * DAY);
      const at = Math.min(now, fields.decidedAt + between(DAY, 20 * DAY));
      const by = deciderOf(requesterRef);
      close('revoke', by, 'approved', 'revoked', at, 'The project ended.');
      break;
    }
    default:
      throw new Error(`Unknown status ${request.status}`);
  }
  history.unshift({
    action: 'create',
    actorRef: requesterRef,
    fromStatus: null,
    toStatus: 'pending',
    at: createdAt,
  });
  return {
    ...request,
    ...fields,
    createdAt,
    updatedAt: history[history.length - 1].at,
    endsAt,
    history,
  };
}
