import { AdrTrust } from '@datamesh-governance/plugin-governance-common';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { AdrFile, isAdrFileName } from '../parseAdr';
import { AdrFileSource } from './types';

/**
 * A folder on the backend's own disk, read with `fs`. Only operator config
 * names one (the default is the repository's `governance/decisions/`);
 * entity annotations never become local folders (see entitySources).
 *
 * Why not the UrlReaderService: its readers cover SCM hosts, cloud buckets
 * and plain HTTP (`backend.reading.allow`), none of them `file:` paths, and
 * its plain-HTTP reader has no `readTree`.
 *
 * The API never shows the folder's path: the source is named by its
 * `label`, and each file's `url` is `<label>/<file name>`.
 */
export class LocalFolderSource implements AdrFileSource {
  readonly kind = 'location' as const;
  readonly id: string;
  readonly trust: AdrTrust;
  /** The label, shown instead of the server path. */
  readonly target: string;
  private readonly folder: string;

  constructor(options: {
    id: string;
    folder: string;
    label: string;
    forum?: boolean;
  }) {
    this.id = options.id;
    this.folder = path.resolve(options.folder);
    this.target = options.label.replace(/\/+$/, '');
    this.trust = options.forum ? 'forum' : 'team';
  }

  async readFiles(): Promise<AdrFile[]> {
    try {
      // Symbolic links are not files here (Dirent reflects lstat): a link
      // cannot lead the reader out of the folder.
      const entries = await fs.readdir(this.folder, { withFileTypes: true });
      const names = entries
        .filter(entry => entry.isFile() && isAdrFileName(entry.name))
        .map(entry => entry.name);
      return await Promise.all(
        names.map(async fileName => ({
          fileName,
          url: `${this.target}/${fileName}`,
          content: await fs.readFile(path.join(this.folder, fileName), 'utf8'),
        })),
      );
    } catch (error) {
      // fs messages carry the absolute path; say what failed in the label's terms.
      const code = (error as NodeJS.ErrnoException)?.code ?? 'unknown error';
      throw new Error(
        `cannot read the local folder "${this.target}" (${code})`,
      );
    }
  }
}

/**
 * The repository's `governance/decisions/`: the nearest one above the
 * backend's working directory (`packages/backend` when run with `yarn start`).
 */
export function findRepositoryDecisionsFolder(
  from: string = process.cwd(),
): string {
  const relative = path.join('governance', 'decisions');
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSyncDir(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from, relative);
    dir = parent;
  }
}

function existsSyncDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
