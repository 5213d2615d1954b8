import { Knex } from 'knex';

const NOTICES = 'access_request_notices';

/**
 * Which once-only notices were sent, in the plugin's database: a notice is
 * claimed before it is sent, so that another sweep, replica or a restart
 * does not send it again, and released when sending failed, so that the
 * next sweep tries again.
 */
export class NoticeLog {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when this caller claimed the notice; false when it was claimed already. */
  async claim(requestId: string, notice: string): Promise<boolean> {
    const claimed = await this.db(NOTICES)
      .insert({ request_id: requestId, notice, sent_at: this.clock() })
      .onConflict(['request_id', 'notice'])
      .ignore()
      .returning('request_id');
    return claimed.length === 1;
  }

  async release(requestId: string, notice: string): Promise<void> {
    await this.db(NOTICES).where({ request_id: requestId, notice }).delete();
  }
}
