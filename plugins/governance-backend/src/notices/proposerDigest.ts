import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  Adr,
  OpinionRevision,
} from '@datamesh-governance/plugin-governance-common';
import { NoticeLog, sendOnce } from './NoticeLog';
import { DigestEntry, digestNotice } from './forumNotices';
import { forumProposals } from './notifyForum';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const KIND = 'opinions-digest';

/** The latest digest time at or before `now`: `hour`:00 UTC today or yesterday. */
function digestTime(now: number, hour: number): number {
  const today = Math.floor(now / DAY_MS) * DAY_MS + hour * HOUR_MS;
  return today <= now ? today : today - DAY_MS;
}

/**
 * Sends each proposer one digest a day of the opinions recorded on their
 * open proposals since their last digest (at most a day back for a first
 * one), leaving out their own. Nothing is sent, or recorded, when there is
 * nothing new. Returns how many digests it sent.
 */
export async function sendProposerDigests(options: {
  adrs: Adr[];
  digestHour: number;
  log: NoticeLog;
  notifications: NotificationService;
  opinionsBetween: (
    adrIds: string[],
    window: { from: number; to: number },
  ) => Promise<OpinionRevision[]>;
  logger: LoggerService;
  now: number;
}): Promise<number> {
  const { log, digestHour } = options;
  const to = digestTime(options.now, digestHour);
  const day = new Date(to).toISOString().slice(0, 10);
  let sent = 0;
  for (const [proposer, proposals] of byProposer(options.adrs)) {
    try {
      const lastDay = await log.lastKey(KIND, proposer);
      if (lastDay && lastDay >= day) continue;
      const from = lastDay
        ? digestTime(Date.parse(`${lastDay}T23:59:59Z`), digestHour)
        : to - DAY_MS;
      const revisions = (
        await options.opinionsBetween(
          proposals.map(adr => adr.id),
          { from, to },
        )
      ).filter(r => r.authorRef !== proposer);
      const entries: DigestEntry[] = proposals
        .map(adr => ({
          adr,
          revisions: revisions.filter(r => r.adrId === adr.id),
        }))
        .filter(entry => entry.revisions.length > 0);
      if (entries.length === 0) continue;
      const notice = { kind: KIND, subject: proposer, key: day };
      if (
        await sendOnce(log, notice, () =>
          options.notifications.send(digestNotice(proposer, day, entries)),
        )
      ) {
        sent += 1;
      }
    } catch (error) {
      options.logger.warn(
        `Could not send ${proposer} the digest of opinions`,
        error as Error,
      );
    }
  }
  return sent;
}

function byProposer(adrs: Adr[]): Map<string, Adr[]> {
  const grouped = new Map<string, Adr[]>();
  for (const adr of forumProposals(adrs)) {
    if (!adr.proposer) continue;
    const proposer = adr.proposer.toLocaleLowerCase('en-US');
    grouped.set(proposer, [...(grouped.get(proposer) ?? []), adr]);
  }
  return grouped;
}
