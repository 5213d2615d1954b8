export interface Config {
  permission?: {
    /**
     * Groups (or users) that may do the catalog's and the scaffolder's admin
     * work: register and remove locations, delete and refresh any entity,
     * use the template editor, see everyone's tasks. Entity refs; a bare
     * name is a group in the default namespace.
     */
    admins?: string[];
    /**
     * Groups (or users) that may read the data-products Art. 30 report: who
     * can read which personal data under which processing activity. Entity
     * refs; a bare name is a group in the default namespace.
     */
    privacyOfficers?: string[];
  };
}
