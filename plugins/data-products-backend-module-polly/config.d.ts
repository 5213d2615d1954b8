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
         * How long to wait for the register to answer, in milliseconds.
         * Defaults to 5000.
         * @visibility backend
         */
        timeout?: number;
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
