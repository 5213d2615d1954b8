import { Knex } from 'knex';

const NOTICES = 'governance_notices';

/** A once-only notice: what kind, about whom or what, and what makes a repeat new. */
type NoticeId = { kind: string; subject: string; key: string };

/**
 * Which once-only notices were sent, in the plugin's database. A notice is
 * claimed (inserted if absent) before it is sent, so that another replica,
 * a second run or a restart does not send it again, and released when
 * sending failed, so that the next run tries again.
 */
export class NoticeLog {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when this caller claimed the notice; false when it was claimed already. */
  async claim(notice: NoticeId): Promise<boolean> {
    const claimed = await this.db(NOTICES)
      .insert({ ...columns(notice), sent_at: this.clock() })
      .onConflict(['kind', 'subject', 'notice_key'])
      .ignore()
      .returning('kind');
    return claimed.length === 1;
  }

  async release(notice: NoticeId): Promise<void> {
    await this.db(NOTICES).where(columns(notice)).delete();
  }

  /** The greatest key sent of a kind about a subject, e.g. the last digest's day. */
  async lastKey(kind: string, subject: string): Promise<string | undefined> {
    const row = await this.db(NOTICES)
      .where({ kind, subject })
      .max({ key: 'notice_key' })
      .first();
    return row?.key ?? undefined;
  }
}

function columns(notice: NoticeId) {
  return {
    kind: notice.kind,
    subject: notice.subject,
    notice_key: notice.key,
  };
}

/**
 * Claims the notice, runs `send`, and releases the claim when sending
 * fails. True when this caller sent it.
 */
export async function sendOnce(
  log: NoticeLog,
  notice: NoticeId,
  send: () => Promise<void>,
): Promise<boolean> {
  if (!(await log.claim(notice))) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await log.release(notice);
    throw error;
  }
}
