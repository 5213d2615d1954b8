import type { AdrSource } from '@datamesh-governance/plugin-governance-common';
import type { AdrFile } from '../parseAdr';

/** Where ADR files come from: a folder read as a whole on each refresh. */
export interface AdrFileSource {
  readonly id: string;
  readonly kind: AdrSource['kind'];
  /** The folder URL or local path that is read. */
  readonly target: string;
  readonly entityRef?: string;
  /** The folder's ADR files (README and template already left out); throws when it cannot be read. */
  readFiles(): Promise<AdrFile[]>;
}
