export interface Config {
  dataProducts?: {
    notifications?: {
      /**
       * Send notifications through Backstage's notifications service
       * (the notifications backend must be installed). Default true; the
       * live badge's signals are sent either way.
       */
      enabled?: boolean;
      /**
       * How long before a grant ends its requester and deciders are told,
       * once, as an ISO 8601 duration. Default P7D.
       */
      endingSoonWindow?: string;
    };
    access?: {
      /**
       * Ceiling on how long any grant lasts, as an ISO 8601 duration
       * (e.g. P365D). Ports may set a shorter `access.maxDuration`.
       */
      maxDuration?: string;
    };
    database?: {
      /**
       * Run the access-request lists and counts as prepared statements,
       * planned once per connection instead of on every call (PostgreSQL:
       * named statements; SQLite: statements kept with the connection).
       * Default true. Set false behind a pooler in transaction mode that
       * cannot keep prepared statements (PgBouncer before 1.21, or without
       * `max_prepared_statements`).
       */
      preparedStatements?: boolean;
    };
    demo?: {
      /**
       * At start, into an empty requests table only: write a few months of
       * plausible access-request history for the demo products
       * (examples/data-products.yaml), so that Insights and the Art. 30
       * report have something to show. Purposes start with "Demo history:".
       * For the demo (app-config.yaml) only; never set it in production.
       */
      history?: boolean;
    };
    legalBasis?: {
      /** Id of the built-in register; defaults to `local`. */
      registerId?: string;
      /** A YAML file with `activities:`, relative to the backend's working directory. */
      file?: string;
      /**
       * The activities themselves, when not read from a file; checked at
       * startup against `processingActivitySchema` of the -common package.
       */
      activities?: Array<{
        id: string;
        number: string;
        name: string;
        description?: string;
        purposes?: string[];
        art6Basis?: string;
        art6Description?: string;
        nationalLaw?: string;
        art9Basis?: string;
        art9Description?: string;
        status: string;
        /** First day the activity is valid, yyyy-mm-dd. */
        validFrom?: string;
        /** Last day the activity is valid (the whole day), yyyy-mm-dd. */
        validTo?: string;
        link?: string;
      }>;
    };
  };
}
