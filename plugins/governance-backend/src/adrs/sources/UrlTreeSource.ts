import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { AdrTrust } from '@datamesh-governance/plugin-governance-common';
import { AdrFile, isAdrFileName } from '../parseAdr';
import { AdrFileSource } from './types';

/**
 * A folder in a repository (GitHub, GitLab, Gitea, Bitbucket, Azure, ...),
 * read with the UrlReaderService's `readTree`. Remembers the tree's etag so
 * an unchanged folder is not downloaded again.
 */
export class UrlTreeSource implements AdrFileSource {
  readonly id: string;
  readonly target: string;
  readonly kind: AdrFileSource['kind'];
  readonly trust: AdrTrust;
  readonly entityRef?: string;
  private readonly reader: UrlReaderService;
  private readonly integrations: ScmIntegrationRegistry;
  private etag?: string;
  private lastFiles: AdrFile[] = [];

  constructor(options: {
    id: string;
    target: string;
    reader: UrlReaderService;
    integrations: ScmIntegrationRegistry;
    kind: AdrFileSource['kind'];
    trust: AdrTrust;
    entityRef?: string;
  }) {
    this.id = options.id;
    this.target = options.target;
    this.reader = options.reader;
    this.integrations = options.integrations;
    this.kind = options.kind;
    this.trust = options.trust;
    this.entityRef = options.entityRef;
  }

  async readFiles(): Promise<AdrFile[]> {
    let response;
    try {
      response = await this.reader.readTree(this.target, {
        etag: this.etag,
        // ADRs sit directly in the folder; sub-folders hold assets.
        filter: filePath => !filePath.includes('/') && isAdrFileName(filePath),
      });
    } catch (error) {
      if ((error as Error)?.name === 'NotModifiedError') {
        return this.lastFiles;
      }
      throw error;
    }
    const base = this.target.endsWith('/') ? this.target : `${this.target}/`;
    const files = await response.files();
    this.lastFiles = await Promise.all(
      files
        .filter(f => !f.path.includes('/') && isAdrFileName(f.path))
        .map(async f => ({
          fileName: f.path,
          url: this.integrations.resolveUrl({ url: f.path, base }),
          content: (await f.content()).toString('utf8'),
        })),
    );
    this.etag = response.etag;
    return this.lastFiles;
  }
}
