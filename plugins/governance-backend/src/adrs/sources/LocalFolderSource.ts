import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdrFile, isAdrFileName } from '../parseAdr';
import { AdrFileSource } from './types';

/**
 * A folder on the backend's own disk, read with `fs`.
 *
 * Why not the UrlReaderService: its readers cover SCM hosts, cloud buckets
 * and plain HTTP (`backend.reading.allow`), none of them `file:` paths, and
 * its plain-HTTP reader has no `readTree`. The repository's own
 * `governance/decisions/` (the default) and catalog entities registered
 * from local files are therefore read here; every URL goes through the
 * UrlReaderService (see UrlTreeSource).
 */
export class LocalFolderSource implements AdrFileSource {
  readonly target: string;

  constructor(
    readonly id: string,
    folder: string,
    readonly kind: AdrFileSource['kind'] = 'location',
    readonly entityRef?: string,
  ) {
    this.target = path.resolve(folder);
  }

  async readFiles(): Promise<AdrFile[]> {
    const entries = await fs.readdir(this.target, { withFileTypes: true });
    const names = entries
      .filter(entry => entry.isFile() && isAdrFileName(entry.name))
      .map(entry => entry.name);
    return Promise.all(
      names.map(async fileName => {
        const file = path.join(this.target, fileName);
        return {
          fileName,
          url: pathToFileURL(file).toString(),
          content: await fs.readFile(file, 'utf8'),
        };
      }),
    );
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
