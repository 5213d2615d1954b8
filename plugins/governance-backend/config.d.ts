import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  governance?: {
    adrs?: {
      /**
       * Folders of ADRs (Markdown, MADR v2 or v3). Each `target` is a folder
       * URL in a repository, read with the UrlReaderService (so the host
       * needs an integration), or a local path relative to the backend's
       * working directory. When not set, the repository's own
       * `governance/decisions/` folder is read. Catalog entities with a
       * `backstage.io/adr-location` annotation are read in addition.
       */
      locations?: Array<{
        /** Becomes the first part of ADR ids: letters, digits, `.`, `_`, `-`. */
        id: string;
        target: string;
      }>;
      /** How often to read the sources again; default every 10 minutes, first at startup. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
