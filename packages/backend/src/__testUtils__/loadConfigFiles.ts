import { JsonObject } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * The repository's config files as the backend reads them: the same files,
 * merged by config-loader. Environment variables the files name and the
 * test does not set read as `test-<NAME>`.
 */
export async function loadConfigFiles(...files: string[]): Promise<JsonObject> {
  const source = ConfigSources.defaultForTargets({
    rootDir: repoRoot,
    targets: files.map(file => ({
      type: 'path' as const,
      target: path.join(repoRoot, file),
    })),
    substitutionFunc: async name => process.env[name] ?? `test-${name}`,
  });
  const config = await ConfigSources.toConfig(source);
  try {
    return config.get<JsonObject>();
  } finally {
    config.close();
  }
}
