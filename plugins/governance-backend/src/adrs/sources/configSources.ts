import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { fileURLToPath } from 'node:url';
import {
  findRepositoryDecisionsFolder,
  LocalFolderSource,
} from './LocalFolderSource';
import { AdrFileSource } from './types';
import { UrlTreeSource } from './UrlTreeSource';

/** Id of the default source, the repository's own `governance/decisions/`. */
export const DEFAULT_SOURCE_ID = 'decisions';

const SOURCE_ID = /^[a-z0-9][a-z0-9_.-]*$/i;

/** `https://…` and other URLs go to the UrlReaderService; `file:` URLs and paths are local folders. */
export function sourceForTarget(
  id: string,
  target: string,
  reader: UrlReaderService,
  integrations: ScmIntegrationRegistry,
  kind: AdrFileSource['kind'] = 'location',
  entityRef?: string,
): AdrFileSource {
  if (target.startsWith('file:')) {
    return new LocalFolderSource(id, fileURLToPath(target), kind, entityRef);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    return new UrlTreeSource(id, target, reader, integrations, kind, entityRef);
  }
  return new LocalFolderSource(id, target, kind, entityRef);
}

/**
 * `governance.adrs.locations`, or, when not configured, the repository's own
 * `governance/decisions/` folder.
 */
export function sourcesFromConfig(
  config: Config,
  reader: UrlReaderService,
  integrations: ScmIntegrationRegistry,
): AdrFileSource[] {
  const locations = config.getOptionalConfigArray('governance.adrs.locations');
  if (!locations) {
    return [
      new LocalFolderSource(DEFAULT_SOURCE_ID, findRepositoryDecisionsFolder()),
    ];
  }
  const seen = new Set<string>();
  return locations.map(location => {
    const id = location.getString('id');
    if (!SOURCE_ID.test(id) || id.includes('--')) {
      throw new Error(
        `governance.adrs.locations: id "${id}" must be letters, digits, ".", "_" or single "-" (it becomes part of ADR ids in URLs)`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`governance.adrs.locations: id "${id}" is used twice`);
    }
    seen.add(id);
    return sourceForTarget(
      id,
      location.getString('target'),
      reader,
      integrations,
    );
  });
}
