/**
 * One active access grant as lineage: a service (Component) or group
 * reads a data product. Several ports of one product count once.
 * @public
 */
export type LineagePair = {
  dataProductRef: string;
  subjectRef: string;
};

/**
 * Reads the active grants whose subject is a component or group.
 * @public
 */
export interface GrantLineage {
  /**
   * The pairs whose subject is `subjectRef`; `undefined` when no
   * data-products backend answers (the plugin is not installed).
   */
  forSubject(subjectRef: string): Promise<LineagePair[] | undefined>;
}
