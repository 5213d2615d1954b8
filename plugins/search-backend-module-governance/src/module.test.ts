import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test runs the real backend the collator reads from
import governancePlugin from '@datamesh-governance/plugin-governance-backend';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { AdrDocument } from './AdrCollatorFactory';
import { searchModuleGovernanceCollator } from './module';

jest.setTimeout(60_000);

const decisionsFolder = path.resolve(
  __dirname,
  '../../../governance/decisions',
);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('searchModuleGovernanceCollator', () => {
  it('indexes one document per ADR, read from the real governance backend', async () => {
    const collators: RegisterCollatorParameters[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          {
            addCollator: (c: RegisterCollatorParameters) => collators.push(c),
            addDecorator: () => {},
          },
        ],
      ],
      features: [
        searchModuleGovernanceCollator,
        governancePlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    try {
      expect(collators).toHaveLength(1);
      const { factory } = collators[0];
      // Not `adr`: that is the community ADR plugin's type.
      expect(factory.type).toBe('governance-adr');

      const documents: AdrDocument[] = [];
      for await (const document of await factory.getCollator()) {
        documents.push(document);
      }

      const adrFiles = readdirSync(decisionsFolder).filter(
        f => f.endsWith('.md') && f !== 'README.md',
      );
      expect(documents).toHaveLength(adrFiles.length);
      const freshness = documents.find(d =>
        d.adrId.endsWith('0008-data-products-publish-a-freshness-sla'),
      );
      expect(freshness).toMatchObject({
        title: 'Data products publish a freshness SLA',
        location:
          '/governance/adrs/decisions--0008-data-products-publish-a-freshness-sla',
        status: 'proposed',
        policies: ['freshness-sla'],
        sourceId: 'decisions',
        trust: 'forum',
      });
      // Indexed as plain text: the snippet reads as the page does.
      expect(freshness?.text).toMatch(/property: freshness/);
      expect(freshness?.text).toContain(
        'Context and Problem Statement\nConsumers in analytics have built reports',
      );
      expect(freshness?.text).toContain(
        'Every output port declares a freshness service level',
      );
      expect(freshness?.text).not.toMatch(/[#`*]|^- /m);
      expect(freshness?.text).not.toContain(
        'Data products publish a freshness SLA',
      );
    } finally {
      await backend.stop();
    }
  });
});
