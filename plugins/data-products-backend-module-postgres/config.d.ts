import { HumanDuration } from '@backstage/types';

export interface Config {
  dataProducts?: {
    provisioners?: {
      /**
       * Applies grants on `server.type: postgres` output ports in PostgreSQL,
       * read by `@datamesh-governance/plugin-data-products-backend-module-postgres`.
       * Without it, owners apply grants by hand.
       */
      postgres?: {
        /**
         * One entry per database server, named by its key. A port is served by
         * the entry whose `server` matches its `server.host` and
         * `server.database`; a port no entry serves fails to provision.
         */
        connections: {
          [name: string]: {
            /** Which ports' `server` block this connection serves. */
            server: {
              /** A port's `server.host`, compared without regard to case. */
              host: string;
              /** A port's `server.database`. */
              database: string;
            };
            /**
             * Where to connect; defaults to `server.host`. Never read from entities.
             * @visibility backend
             */
            host?: string;
            /**
             * Defaults to 5432.
             * @visibility backend
             */
            port?: number;
            /**
             * Defaults to `server.database`.
             * @visibility backend
             */
            database?: string;
            /**
             * The provisioner's own database user: it must own the data
             * products' schemas and tables or hold their privileges WITH GRANT OPTION.
             * @visibility backend
             */
            user: string;
            /**
             * @visibility secret
             */
            password?: string;
            /**
             * TLS: `true`, or options for a private CA.
             * @visibility backend
             */
            ssl?:
              | boolean
              | {
                  rejectUnauthorized?: boolean;
                  /** @visibility secret */
                  ca?: string;
                };
            /**
             * The only schemas ports may name on this server. Entities are
             * written by teams; without this list a DataProduct could name any
             * schema the provisioner's user can grant on.
             * @visibility backend
             */
            schemas?: string[];
          };
        };
        /**
         * How subjects map to database roles. A subject neither a template
         * nor the map covers fails to provision; roles are never created.
         */
        roles?: {
          /**
           * Role names per subject kind, with `{name}` and `{namespace}` of the
           * subject's entity ref (lower case), e.g. `u_{name}`.
           */
          templates?: {
            user?: string;
            group?: string;
            /** For services: subjects of kind Component. */
            service?: string;
          };
          /** Explicit roles for subjects; these win over templates. */
          map?: Array<{
            /** An entity ref, e.g. `group:default/team-analytics`. */
            subject: string;
            role: string;
          }>;
        };
        /**
         * How long to wait to connect and for each statement: `10s`, `PT10S`
         * or `{ seconds: 10 }`. Defaults to 10 seconds.
         */
        timeout?: string | HumanDuration;
      };
    };
  };
}
