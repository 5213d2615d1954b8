import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** How the forum's notices are configured; see config.d.ts. */
type NoticeConfig = {
  /** False when `governance.notifications.enabled` is false: nothing is sent. */
  enabled: boolean;
  /** The forum group's entity ref, when configured. */
  forumGroup?: string;
  reminderDaysBefore: number;
  /** Hour of the day (UTC) from which the proposers' daily digest is sent. */
  digestHour: number;
};

/** Reads the notice settings; a clear startup error when a value is out of range. */
export function readNoticeConfig(config: Config): NoticeConfig {
  const group = config.getOptionalString('governance.forum.group');
  const reminderDaysBefore =
    config.getOptionalNumber('governance.forum.reminderDaysBefore') ?? 3;
  const digestHour =
    config.getOptionalNumber('governance.forum.digestHour') ?? 8;
  if (
    !Number.isInteger(reminderDaysBefore) ||
    reminderDaysBefore < 0 ||
    reminderDaysBefore > 60
  ) {
    throw new Error(
      `governance.forum.reminderDaysBefore must be a whole number of days from 0 to 60, not ${reminderDaysBefore}`,
    );
  }
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) {
    throw new Error(
      `governance.forum.digestHour must be an hour from 0 to 23 (UTC), not ${digestHour}`,
    );
  }
  return {
    enabled:
      config.getOptionalBoolean('governance.notifications.enabled') ?? true,
    ...(group && { forumGroup: groupRef(group) }),
    reminderDaysBefore,
    digestHour,
  };
}

function groupRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' }));
  } catch (error) {
    throw new Error(
      `governance.forum.group must be a group's entity ref such as group:default/governance-forum: ${error}`,
    );
  }
}
