import { JsonObject } from '@backstage/config';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFiles } from './__testUtils__/loadConfigFiles';

const repoRoot = path.resolve(__dirname, '../../..');
// File locations in the config are relative to the backend's working directory.
const fromBackend = (target: string) =>
  path.resolve(repoRoot, 'packages/backend', target);

type Location = { id: string; target: string; label?: string; forum?: boolean };

function adrsOf(config: JsonObject) {
  return ((config.governance as JsonObject)?.adrs ?? {}) as {
    locations?: Location[];
    schedule?: unknown;
  };
}

describe('where proposed ground rules go', () => {
  it('in the demo: a forum folder of their own next to governance/decisions, whose ADR ids stay as they were', async () => {
    const config = await loadConfigFiles('app-config.yaml');
    const { locations, schedule } = adrsOf(config);
    // The default location's id and label, so decisions--0005-… is unchanged.
    expect(locations?.[0]).toMatchObject({
      id: 'decisions',
      label: 'governance/decisions',
      forum: true,
    });
    expect(fromBackend(locations![0].target)).toBe(
      path.join(repoRoot, 'governance', 'decisions'),
    );
    const proposals = locations!.find(l => l.id === 'proposals');
    expect(proposals).toMatchObject({ forum: true });
    const demoDirectory = (
      (config.scaffolder as JsonObject).governance as JsonObject
    ).demoProposalsDirectory as string;
    expect(fromBackend(demoDirectory)).toBe(fromBackend(proposals!.target));
    expect(fromBackend(demoDirectory)).toBe(
      path.join(repoRoot, 'governance', 'proposals'),
    );
    expect(existsSync(fromBackend(demoDirectory))).toBe(true);
    // Read often enough that a proposal shows within a minute.
    expect(schedule).toMatchObject({ frequency: { seconds: 20 } });
  });

  it('in production: by pull request only, at the default pace', async () => {
    const config = await loadConfigFiles(
      'app-config.yaml',
      'app-config.production.yaml',
    );
    expect(adrsOf(config)).toEqual({});
    expect(
      ((config.scaffolder as JsonObject).governance as JsonObject | undefined)
        ?.demoProposalsDirectory,
    ).toBeUndefined();
  });
});
