export interface Config {
  scaffolder?: {
    /**
     * Settings of `@datamesh-governance/plugin-scaffolder-backend-module-governance`.
     */
    governance?: {
      /**
       * Where `datamesh:ground-rule:publish-demo` puts proposed ground
       * rules, one `NNNN-slug.md` per proposal: a folder the governance
       * backend reads as one of the forum's `governance.adrs.locations`.
       * Relative paths are resolved against the backend's working
       * directory. For a demo or local portal only; in production the
       * template opens a pull request to the forum's decisions repository
       * instead. Without it the action fails and names this setting.
       * @visibility backend
       */
      demoProposalsDirectory?: string;
    };
  };
}
