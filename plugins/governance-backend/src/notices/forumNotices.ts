import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type {
  Adr,
  OpinionRevision,
} from '@datamesh-governance/plugin-governance-common';

/**
 * Notification topics, one per kind of news, so that people can mute one
 * in their notification settings and keep the others.
 */
export const GOVERNANCE_TOPICS = {
  proposed: 'governance:adr-proposed',
  opinionsDue: 'governance:opinions-due',
  digest: 'governance:opinions-digest',
  policyFailing: 'governance:policy-failing',
} as const;

/** The ADR's page in the app (the governance page is mounted at /governance). */
const adrLink = (adrId: string) =>
  `/governance/adrs/${encodeURIComponent(adrId)}`;

/** Comments are people's free text: keep notifications short. */
const MAX_TEXT = 200;
const short = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
};

const dueText = (adr: Adr) => (adr.opinionsDue ? ` by ${adr.opinionsDue}` : '');

/** "A new proposal waits for opinions", to the forum group. */
export function proposedNotice(
  adr: Adr,
  forumGroup: string,
): NotificationSendOptions {
  return {
    recipients: { type: 'entity', entityRef: forumGroup },
    payload: {
      title: `Proposed: ${adr.title}`,
      description: `A ground rule is proposed${
        adr.proposer ? ` by ${adr.proposer}` : ''
      }. Share your opinion on it${dueText(adr)}.`,
      link: adrLink(adr.id),
      topic: GOVERNANCE_TOPICS.proposed,
      scope: `${adr.id}:proposed`,
      severity: 'normal',
    },
  };
}

/** "Opinions are due soon", to the forum group. */
export function opinionsDueNotice(
  adr: Adr & { opinionsDue: string },
  forumGroup: string,
  opinionCount: number,
): NotificationSendOptions {
  return {
    recipients: { type: 'entity', entityRef: forumGroup },
    payload: {
      title: `Opinions due ${adr.opinionsDue}: ${adr.title}`,
      description: `Opinions on this proposal are due on ${
        adr.opinionsDue
      }; ${opinionCount} ${
        opinionCount === 1 ? 'opinion has' : 'opinions have'
      } been recorded so far.`,
      link: adrLink(adr.id),
      topic: GOVERNANCE_TOPICS.opinionsDue,
      scope: `${adr.id}:opinions-due`,
      severity: 'normal',
    },
  };
}

/** One proposal's new opinions for a digest. */
export type DigestEntry = { adr: Adr; revisions: OpinionRevision[] };

/**
 * The proposer's daily digest: per proposal, how many new opinions and
 * each one's author, perspective and stance with the start of its comment.
 */
export function digestNotice(
  proposer: string,
  day: string,
  entries: DigestEntry[],
): NotificationSendOptions {
  const total = entries.reduce((sum, e) => sum + e.revisions.length, 0);
  const lines = entries.map(({ adr, revisions }) => {
    const opinions = revisions.map(
      r =>
        `${parseEntityRef(r.authorRef).name} (${r.perspective}, ${
          r.stance
        }): ${short(r.comment)}`,
    );
    return `${adr.title} — ${revisions.length} new: ${opinions.join('; ')}`;
  });
  return {
    recipients: { type: 'entity', entityRef: proposer },
    payload: {
      title: `${total} new ${
        total === 1 ? 'opinion' : 'opinions'
      } on your proposals`,
      description: lines.join('\n'),
      link: entries.length === 1 ? adrLink(entries[0].adr.id) : '/governance',
      topic: GOVERNANCE_TOPICS.digest,
      scope: `opinions-digest:${day}`,
      severity: 'low',
    },
  };
}
