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
const DEFAULT_SOURCE_ID = 'decisions';

const SOURCE_ID = /^[a-z0-9][a-z0-9_.-]*$/i;
const URL_TARGET = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `governance.adrs.locations`, or, when not configured, the repository's own
 * `governance/decisions/` folder as the forum's. Configured locations are
 * the forum's only with `forum: true`.
 *
 * This is the only place a local folder can be named: operator config is
 * trusted, catalog entities are not.
 */
export function sourcesFromConfig(
  config: Config,
  reader: UrlReaderService,
  integrations: ScmIntegrationRegistry,
): AdrFileSource[] {
  const locations = config.getOptionalConfigArray('governance.adrs.locations');
  if (!locations) {
    return [
      new LocalFolderSource({
        id: DEFAULT_SOURCE_ID,
        folder: findRepositoryDecisionsFolder(),
        label: 'governance/decisions',
        forum: true,
      }),
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
    const target = location.getString('target');
    const forum = location.getOptionalBoolean('forum') ?? false;
    if (target.startsWith('file:') || !URL_TARGET.test(target)) {
      return new LocalFolderSource({
        id,
        folder: target.startsWith('file:') ? fileURLToPath(target) : target,
        label: location.getOptionalString('label') ?? id,
        forum,
      });
    }
    return new UrlTreeSource({
      id,
      target,
      reader,
      integrations,
      kind: 'location',
      trust: forum ? 'forum' : 'team',
    });
  });
}
