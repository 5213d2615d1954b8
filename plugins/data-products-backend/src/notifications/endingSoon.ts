import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { Duration } from 'luxon';
import { Knex } from 'knex';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import { AccessRequestRow, rowToRequest } from '../database/rows';
import { NoticeLog } from './NoticeLog';
import { endingSoonNotices } from './notices';

const NOTICE = 'ending-soon';
/** Grants told about per sweep; the rest wait for the next one. */
const BATCH = 200;

/** The configured window as milliseconds; a clear startup error when it is not an ISO 8601 duration. */
export function endingSoonWindowMs(iso: string | undefined): number {
  const window = Duration.fromISO(iso ?? 'P7D');
  if (!window.isValid || window.toMillis() <= 0) {
    throw new Error(
      `dataProducts.notifications.endingSoonWindow must be a positive ISO 8601 duration such as P7D, not "${iso}"`,
    );
  }
  return window.toMillis();
}

/**
 * Tells the requester and the deciders of each approved grant that ends
 * within the window, once per grant. Returns how many grants it told about.
 */
export async function sweepEndingSoon(options: {
  db: Knex;
  store: AccessRequestStore;
  notifications: NotificationService;
  windowMs: number;
  logger: LoggerService;
  now?: number;
}): Promise<number> {
  const { db, store, notifications, logger } = options;
  const now = options.now ?? Date.now();
  const log = new NoticeLog(db, () => now);
  const due: AccessRequestRow[] = await db('access_requests as r')
    .leftJoin('access_request_notices as n', function joinNotice() {
      this.on('n.request_id', '=', 'r.id').andOnVal('n.notice', '=', NOTICE);
    })
    .where('r.status', 'approved')
    .where('r.ends_at', '>', now)
    .where('r.ends_at', '<=', now + options.windowMs)
    .whereNull('n.request_id')
    .orderBy('r.ends_at')
    .limit(BATCH)
    .select('r.*');

  let told = 0;
  for (const row of due) {
    if (!(await log.claim(row.id, NOTICE))) continue;
    const request = rowToRequest(row);
    try {
      const deciders = await store.getDeciders(request.id);
      for (const notice of endingSoonNotices(request, deciders)) {
        await notifications.send(notice);
      }
      told += 1;
    } catch (error) {
      // Unclaimed, so that the next sweep tries again.
      await log.release(row.id, NOTICE);
      logger.warn(
        `Could not tell that access request ${row.id} ends soon`,
        error as Error,
      );
    }
  }
  return told;
}
