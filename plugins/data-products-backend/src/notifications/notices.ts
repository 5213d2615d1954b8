import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { parseEntityRef } from '@backstage/catalog-model';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import type { AccessRequestChange } from '../service/changes';
import { accessTabLink, requestsTabLink } from './links';
import { NOTIFICATION_TOPICS as TOPICS } from './topics';

/** Reasons and purposes are people's free text: keep notifications short. */
const MAX_TEXT = 300;
const short = (text: string | undefined) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
};

const portName = (request: AccessRequest) =>
  `${parseEntityRef(request.entityRef).name} / ${request.outputPort}`;

const day = (iso: string) => iso.slice(0, 10);

/**
 * The notifications a change sends: to whom, with what. Pure, so that who
 * hears of what is tested without a backend. The actor is never told of
 * their own action; scopes are per request and kind of news, so a repeat
 * replaces the earlier notification instead of piling up.
 */
export function noticesFor(
  change: AccessRequestChange,
  deciders: string[],
): NotificationSendOptions[] {
  const { request, actorRef } = change;
  const toDeciders = (payload: NotificationSendOptions['payload']) => ({
    recipients: {
      type: 'entity' as const,
      entityRef: deciders,
      excludeEntityRef: [actorRef, request.requesterRef],
    },
    payload,
  });
  const toRequester = (payload: NotificationSendOptions['payload']) => ({
    recipients: {
      type: 'entity' as const,
      entityRef: request.requesterRef,
      excludeEntityRef: actorRef,
    },
    payload,
  });
  const what = portName(request);

  switch (change.kind) {
    case 'create':
      // An automatic approval needs nobody's decision.
      if (request.status !== 'pending' || deciders.length === 0) return [];
      return [
        toDeciders({
          title: `Access request waits for you: ${what}`,
          description: `${request.requesterRef} asks for access for ${
            request.subjectRef
          } until ${day(request.endsAt)}: ${short(request.purpose)}`,
          link: requestsTabLink(request.entityRef),
          topic: TOPICS.accessRequest,
          scope: `${request.id}:request`,
          severity: 'normal',
        }),
      ];
    case 'approve':
    case 'reject': {
      const approved = change.kind === 'approve';
      const reason = short(request.decisionReason);
      return [
        toRequester({
          title: `Access ${approved ? 'approved' : 'rejected'}: ${what}`,
          description: [
            `${approved ? 'Approved' : 'Rejected'} by ${
              request.decidedBy ?? actorRef
            }`,
            approved
              ? ` for ${request.subjectRef} until ${day(request.endsAt)}`
              : '',
            reason ? `. Reason: ${reason}` : '',
          ].join(''),
          link: accessTabLink(request.entityRef),
          topic: TOPICS.decision,
          scope: `${request.id}:decision`,
          severity: 'normal',
        }),
      ];
    }
    case 'revoke':
      return [
        toRequester({
          title: `Access revoked: ${what}`,
          description: `Revoked by ${request.closedBy ?? actorRef} for ${
            request.subjectRef
          }. Reason: ${short(request.closingReason) || 'none given'}`,
          link: accessTabLink(request.entityRef),
          topic: TOPICS.revocation,
          scope: `${request.id}:revocation`,
          severity: 'high',
        }),
      ];
    case 'provisioning-failed': {
      if (deciders.length === 0) return [];
      // A grant still approved failed to be applied; a closed one to be taken back.
      const granting = request.status === 'approved';
      return [
        {
          // Nobody's action: every decider hears of it.
          recipients: { type: 'entity', entityRef: deciders },
          payload: {
            title: `${
              granting ? 'Applying' : 'Taking back'
            } access failed: ${what}`,
            description: `Access for ${request.subjectRef} could not be ${
              granting ? 'applied' : 'taken back'
            }: ${
              short(change.error) || 'no reason given'
            }. Retry it on the Requests tab.`,
            link: requestsTabLink(request.entityRef),
            topic: TOPICS.provisioning,
            scope: `${request.id}:provisioning`,
            severity: 'high',
          },
        },
      ];
    }
    default:
      // Cancelled, expired, provisioned: the badge and lists refresh on the
      // signal; nobody needs a notification.
      return [];
  }
}

/** "Your access ends soon", to the requester and, separately, the deciders. */
export function endingSoonNotices(
  request: AccessRequest,
  deciders: string[],
): NotificationSendOptions[] {
  const payload = (link: string) => ({
    title: `Access ends soon: ${portName(request)}`,
    description: `Access for ${request.subjectRef} ends on ${day(
      request.endsAt,
    )}. Ask again on the Access tab to keep it.`,
    link,
    topic: TOPICS.endingSoon,
    scope: `${request.id}:ending-soon`,
    severity: 'normal' as const,
  });
  const notices: NotificationSendOptions[] = [
    {
      recipients: { type: 'entity', entityRef: request.requesterRef },
      payload: payload(accessTabLink(request.entityRef)),
    },
  ];
  if (deciders.length > 0) {
    notices.push({
      recipients: {
        type: 'entity',
        entityRef: deciders,
        excludeEntityRef: request.requesterRef,
      },
      payload: payload(requestsTabLink(request.entityRef)),
    });
  }
  return notices;
}
