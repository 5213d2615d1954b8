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

/** Which MADR template the file follows. @public */
export type AdrFormat = 'madr-v2' | 'madr-v3';

/** An ADR as listed: everything but its body. @public */
export type Adr = {
  /** Opaque, URL-safe and stable across refreshes: `<sourceId>--<file name without .md>`. */
  id: string;
  sourceId: string;
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
  /** Where the file lives; relative links in the body resolve against it. */
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
  /** The folder URL (or local path) that is read. */
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
