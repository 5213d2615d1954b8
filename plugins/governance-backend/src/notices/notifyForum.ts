import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Adr } from '@datamesh-governance/plugin-governance-common';
import { NoticeLog, sendOnce } from './NoticeLog';
import { opinionsDueNotice, proposedNotice } from './forumNotices';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The forum's open proposals: only the forum's own sources count. */
export const forumProposals = (adrs: Adr[]) =>
  adrs.filter(adr => adr.trust === 'forum' && adr.status === 'proposed');

/**
 * Whether the reminder for a due date (yyyy-mm-dd, the whole UTC day) is
 * due at `now`: from `daysBefore` days before it until the day ends.
 */
function reminderDue(
  opinionsDue: string,
  daysBefore: number,
  now: number,
): boolean {
  const dueDay = Date.parse(`${opinionsDue}T00:00:00Z`);
  if (Number.isNaN(dueDay)) return false;
  return now >= dueDay - daysBefore * DAY_MS && now < dueDay + DAY_MS;
}

/**
 * Tells the forum group of each proposal the first time it is seen as
 * proposed, and reminds it `reminderDaysBefore` days before opinions are
 * due: each once per ADR (and due date), whatever the replicas and
 * restarts. Returns how many notices it sent.
 */
export async function notifyForum(options: {
  adrs: Adr[];
  forumGroup: string;
  reminderDaysBefore: number;
  log: NoticeLog;
  notifications: NotificationService;
  countOpinions: (adrId: string) => Promise<number>;
  logger: LoggerService;
  now: number;
}): Promise<number> {
  const { log, notifications, forumGroup, logger } = options;
  let sent = 0;
  const attempt = async (what: string, send: () => Promise<boolean>) => {
    try {
      if (await send()) sent += 1;
    } catch (error) {
      logger.warn(`Could not tell the forum ${what}`, error as Error);
    }
  };
  for (const adr of forumProposals(options.adrs)) {
    await attempt(`of proposal ${adr.id}`, () =>
      sendOnce(log, { kind: 'proposed', subject: adr.id, key: '' }, () =>
        notifications.send(proposedNotice(adr, forumGroup)),
      ),
    );
    const due = adr.opinionsDue;
    if (due && reminderDue(due, options.reminderDaysBefore, options.now)) {
      await attempt(`that opinions on ${adr.id} are due`, () =>
        sendOnce(
          log,
          { kind: 'opinions-due', subject: adr.id, key: due },
          async () =>
            notifications.send(
              opinionsDueNotice(
                { ...adr, opinionsDue: due },
                forumGroup,
                await options.countOpinions(adr.id),
              ),
            ),
        ),
      );
    }
  }
  return sent;
}
