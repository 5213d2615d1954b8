/**
 * Lifecycle of an architectural decision record, as MADR names it.
 * Anything a file says that is not one of these reads as `unknown`.
 * @public
 */
export const adrStatuses = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
  'unknown',
] as const;

/** @public */
export type AdrStatus = (typeof adrStatuses)[number];

/**
 * A policy an ADR introduces, from its front matter: either a bare id
 * (`policies: [output-ports-classified]`) or an id with the parameters the
 * forum decided (`- id: personal-data-max-duration` / `maxDuration: P180D`).
 * @public
 */
export type AdrPolicyRef = {
  id: string;
  params?: Record<string, string | number | boolean>;
};

/**
 * Whose decision an ADR is, from the source it was read from.
 *
 * - `forum`: a source the operator configured as the governance forum's
 *   (`forum: true`, and the default `governance/decisions/` folder). Only
 *   these ADRs introduce and parameterise policies.
 * - `team`: any other source, e.g. a team's ADRs found through a catalog
 *   entity's `backstage.io/adr-location`. Shown and searchable as that
 *   team's own decisions, never policy.
 * @public
 */
export type AdrTrust = 'forum' | 'team';

/** Which MADR template the file follows. @public */
export type AdrFormat = 'madr-v2' | 'madr-v3';

/** An ADR as listed: everything but its body. @public */
export type Adr = {
  /** Opaque, URL-safe and stable across refreshes: `<sourceId>--<file name without .md>`. */
  id: string;
  sourceId: string;
  /** Whether it is the forum's decision (may carry policies) or a team's own. */
  trust: AdrTrust;
  title: string;
  status: AdrStatus;
  /** What the file said, e.g. `superseded by ADR-0007`. */
  statusText?: string;
  /** yyyy-mm-dd. */
  date?: string;
  deciders: string[];
  policies: AdrPolicyRef[];
  format: AdrFormat;
  fileName: string;
  /**
   * Where the file lives; relative links in the body resolve against it.
   * A web URL for repository sources; for local folders a relative path
   * such as `governance/decisions/0001-x.md`, never a server path.
   */
  url: string;
};

/** An ADR with its Markdown body (front matter removed). @public */
export type AdrWithContent = Adr & { markdown: string };

/**
 * A place ADRs are read from: a configured location, or a catalog entity's
 * `backstage.io/adr-location` annotation.
 * @public
 */
export type AdrSource = {
  id: string;
  kind: 'location' | 'entity';
  trust: AdrTrust;
  /**
   * The folder URL that is read; for local folders the label the operator
   * configured (default `governance/decisions`), never a server path.
   * Empty for an entity whose annotation was refused (nothing is read).
   */
  target: string;
  /** For `entity` sources, the entity that carries the annotation. */
  entityRef?: string;
  /** Whether the last refresh could read it; ADRs last read are still served when not. */
  ok: boolean;
  error?: string;
  /** ISO timestamp of the last successful read. */
  lastReadAt?: string;
};

/** A file that could not be read as an ADR: reported, never fatal. @public */
export type AdrProblem = {
  sourceId: string;
  fileName: string;
  message: string;
};

/** Body of `GET /adrs`. @public */
export type AdrIndex = {
  items: Adr[];
  sources: AdrSource[];
  problems: AdrProblem[];
};
