import { HumanDuration } from '@backstage/types';

export interface Config {
  dataProducts?: {
    legalBasis?: {
      /**
       * A Polly-style HTTP register of processing activities (GDPR Art. 30),
       * read by `@datamesh-governance/plugin-data-products-backend-module-polly`.
       */
      polly?: {
        /**
         * Where the register's HTTP API lives, e.g. `https://polly.example.org/api`.
         * Required when the module is installed.
         * @visibility backend
         */
        baseUrl: string;
        /**
         * Where people read processes in the register's UI; links point here.
         * Defaults to `baseUrl`.
         * @visibility backend
         */
        uiUrl?: string;
        /**
         * How long to wait for the register to answer, body included: a
         * duration such as `5s`, `PT5S` or `{ seconds: 5 }`. A plain number
         * is read as milliseconds, as earlier versions did. Defaults to 5 seconds.
         * @visibility backend
         */
        timeout?: number | string | HumanDuration;
        /**
         * The most bytes of one answer the backend reads; a longer answer
         * counts as the register being unavailable. Defaults to 1048576 (1 MiB).
         * @visibility backend
         */
        maxResponseBytes?: number;
        /**
         * Names this register among the backend's registers; stored with each
         * legal basis. Defaults to `polly`.
         * @visibility backend
         */
        registerId?: string;
      };
    };
  };
}
