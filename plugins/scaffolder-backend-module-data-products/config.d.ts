export interface Config {
  scaffolder?: {
    /**
     * Settings of `@datamesh-governance/plugin-scaffolder-backend-module-data-products`.
     */
    dataProducts?: {
      /**
       * Where `datamesh:data-product:publish-demo` writes the descriptors of
       * registered data products, one `<name>.yaml` per product: a directory
       * the catalog reads through a `file` location with a glob. Relative
       * paths are resolved against the backend's working directory, as the
       * catalog's file locations are. For a demo or local portal only; in
       * production templates open a pull request instead. Without it the
       * action fails and names this setting.
       * @visibility backend
       */
      demoCatalogDirectory?: string;
    };
  };
}
