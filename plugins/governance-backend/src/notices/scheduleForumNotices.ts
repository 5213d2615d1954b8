import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { AdrRepository } from '../adrs/AdrRepository';
import { recentOpinions } from '../database/recentOpinions';
import { NoticeLog } from './NoticeLog';
import { readNoticeConfig } from './noticeConfig';
import { notifyForum } from './notifyForum';
import { sendProposerDigests } from './proposerDigest';

/** Id of the task that tells the forum of proposals and due dates. */
const FORUM_NOTICES_TASK_ID = 'governance-forum-notices';
/** Id of the task that sends proposers their digest of new opinions. */
const PROPOSER_DIGEST_TASK_ID = 'governance-proposer-digest';

const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/**
 * Schedules the forum's notices. Both tasks are global (one replica runs
 * each at a time) and the notices table makes each notice once-only even so.
 */
export async function scheduleForumNotices(options: {
  config: Config;
  scheduler: SchedulerService;
  knex: Knex;
  adrs: AdrRepository;
  notifications: NotificationService;
  logger: LoggerService;
  clock?: () => number;
}) {
  const { config, scheduler, knex, adrs, notifications, logger } = options;
  const settings = readNoticeConfig(config);
  if (!settings.enabled) return;
  const clock = options.clock ?? Date.now;
  const log = new NoticeLog(knex, clock);
  const schedule = config.has('governance.forum.schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('governance.forum.schedule'),
      )
    : defaultSchedule;
  const { forumGroup } = settings;

  if (forumGroup) {
    await scheduler.scheduleTask({
      id: FORUM_NOTICES_TASK_ID,
      scope: 'global',
      ...schedule,
      fn: async () => {
        const sent = await notifyForum({
          adrs: (await adrs.index()).items,
          forumGroup,
          reminderDaysBefore: settings.reminderDaysBefore,
          log,
          notifications,
          countOpinions: async adrId =>
            Number(
              (
                await knex('governance_opinions')
                  .where({ adr_id: adrId })
                  .count({ n: '*' })
                  .first()
              )?.n ?? 0,
            ),
          logger,
          now: clock(),
        });
        if (sent > 0) logger.info(`Told the forum ${sent} things`);
      },
    });
  } else {
    logger.info(
      'governance.forum.group is not set: nobody is told of proposals and due dates',
    );
  }

  await scheduler.scheduleTask({
    id: PROPOSER_DIGEST_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      const sent = await sendProposerDigests({
        adrs: (await adrs.index()).items,
        digestHour: settings.digestHour,
        log,
        notifications,
        opinionsBetween: (adrIds, window) =>
          recentOpinions(knex, adrIds, window),
        logger,
        now: clock(),
      });
      if (sent > 0) logger.info(`Sent ${sent} digests of new opinions`);
    },
  });
}
