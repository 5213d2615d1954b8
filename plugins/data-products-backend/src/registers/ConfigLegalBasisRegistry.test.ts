import type { JsonValue } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import { resolve as resolvePath } from 'path';
import { activities } from '../__testUtils__/fixtures';
import { ConfigLegalBasisRegistry } from './ConfigLegalBasisRegistry';

// The health activity: an Art. 9(2) basis, valid until 2099-12-31.
const activity = activities[1];

function fromActivities(configured: unknown[]) {
  return ConfigLegalBasisRegistry.fromConfig(
    new ConfigReader({
      dataProducts: {
        legalBasis: {
          registerId: 'demo',
          activities: configured as JsonValue[],
        },
      },
    }),
  );
}

describe('ConfigLegalBasisRegistry', () => {
  it('serves configured activities under its register id', async () => {
    const registry = await fromActivities([activity]);
    expect(await registry.get('health')).toEqual({
      ...activity,
      registerId: 'demo',
    });
    expect(await registry.search('b23')).toHaveLength(1);
    // A register may list no purposes for an activity.
    const withoutPurposes: Record<string, unknown> = { ...activity };
    delete withoutPurposes.purposes;
    const bare = await fromActivities([withoutPurposes]);
    expect((await bare.get('health'))?.purposes).toEqual([]);
  });

  it('refuses validity bounds that are not dates, naming the field', async () => {
    // Read as a timestamp, such a bound would silently stop limiting access.
    await expect(
      fromActivities([{ ...activity, validTo: '2099-12-31T00:00:00Z' }]),
    ).rejects.toThrow(
      /must be a date like 2030-12-31\s+→ at activities\[0\]\.validTo/,
    );
    await expect(
      fromActivities([{ ...activity, validFrom: 'soon' }]),
    ).rejects.toThrow(/validFrom/);
  });

  it("reads the demo organisation's register", async () => {
    const registry = await ConfigLegalBasisRegistry.fromConfig(
      new ConfigReader({
        dataProducts: {
          legalBasis: {
            file: resolvePath(
              __dirname,
              '../../../../examples/processing-activities.yaml',
            ),
          },
        },
      }),
    );
    expect((await registry.search('B123'))[0]?.name).toBe(
      'Follow-up of young unemployed people',
    );
  });
});
