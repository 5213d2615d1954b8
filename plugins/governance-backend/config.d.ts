import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  governance?: {
    forum?: {
      /**
       * The group that decides the ground rules, e.g.
       * `group:default/governance-forum`. Its members are told of proposed
       * ADRs and their due dates; only they link or close raised problems.
       */
      group?: string;
      /**
       * How many days before a proposal's `opinions-due` date the forum
       * group is reminded (whole days, 0–60); default 3.
       */
      reminderDaysBefore?: number;
      /**
       * The hour of the day (UTC, 0–23) from which each proposer gets the
       * day's digest of new opinions on their proposals; default 8.
       */
      digestHour?: number;
      /**
       * How often to look for new proposals, due reminders and digests;
       * default every 10 minutes. Runs on one replica at a time.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    notifications?: {
      /**
       * Whether the forum, proposers and data product owners are notified
       * (through the notifications backend); default true. Failures are
       * tracked either way.
       */
      enabled?: boolean;
    };
    policies?: {
      /**
       * How often every data product is checked against the enforced
       * policies, to keep since when each fails and tell its owners once;
       * default every 30 minutes. Runs on one replica at a time.
       */
      sweepSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    adrs?: {
      /**
       * Folders of ADRs (Markdown, MADR v2 or v3). Each `target` is a folder
       * URL in a repository, read with the UrlReaderService (so the host
       * needs an integration), or a local path relative to the backend's
       * working directory. When not set, the repository's own
       * `governance/decisions/` folder is read as the forum's. Catalog
       * entities with a `backstage.io/adr-location` annotation are read in
       * addition, as their teams' decisions, through the UrlReaderService.
       */
      locations?: Array<{
        /** Becomes the first part of ADR ids: letters, digits, `.`, `_`, `-`. */
        id: string;
        target: string;
        /**
         * Whether this is the governance forum's own folder: only the
         * forum's ADRs introduce and parameterise policies. Default false
         * (the ADRs are shown as a team's decisions). The default location,
         * used when none is configured, is the forum's.
         */
        forum?: boolean;
        /**
         * How a local folder is named in the portal and the API instead of
         * its server path (default: the id), e.g. `governance/decisions`.
         */
        label?: string;
      }>;
      /** How often to read the sources again; default every 10 minutes, first at startup. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
