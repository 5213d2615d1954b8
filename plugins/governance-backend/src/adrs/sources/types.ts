import type {
  AdrSource,
  AdrTrust,
} from '@datamesh-governance/plugin-governance-common';
import type { AdrFile } from '../parseAdr';

/** Where ADR files come from: a folder read as a whole on each refresh. */
export interface AdrFileSource {
  readonly id: string;
  readonly kind: AdrSource['kind'];
  /** `forum` only for sources the operator configured as the forum's. */
  readonly trust: AdrTrust;
  /** What the API shows: the folder URL, or a local folder's label (never a server path). */
  readonly target: string;
  readonly entityRef?: string;
  /** The folder's ADR files (README and template already left out); throws when it cannot be read. */
  readFiles(): Promise<AdrFile[]>;
}
