import { startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleDataProductPorts } from './module';

jest.setTimeout(60_000);

const benefitDecisions: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'benefit-decisions',
    namespace: 'default',
    title: 'Benefit decisions',
    description: 'Every decision on an unemployment-benefit application.',
  },
  spec: {
    type: 'source-aligned',
    lifecycle: 'active',
    owner: 'group:team-benefits',
    outputPorts: [
      {
        name: 'decisions_v1',
        type: 'table',
        server: { type: 'postgres', host: 'db.internal', database: 'benefits' },
        classification: 'personal',
        personalData: { directIdentifiers: true },
        access: {
          approval: 'required',
          approvers: ['group:team-benefits'],
          terms: 'Only for follow-up.',
        },
      },
      {
        name: 'decision_counts_v1',
        type: 'table',
        classification: 'public',
        access: { approval: 'auto' },
      },
    ],
  },
};

const decisionService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'benefit-decision-service', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-benefits' },
};

/** Runs the real catalog collator with this module, and collects its documents. */
async function collate(entities: Entity[]) {
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
      searchModuleCatalogCollator,
      searchModuleDataProductPorts,
      catalogServiceMock.factory({ entities }),
    ],
  });
  try {
    expect(collators).toHaveLength(1);
    const documents: Record<string, any>[] = [];
    for await (const document of await collators[0].factory.getCollator()) {
      documents.push(document);
    }
    return documents;
  } finally {
    await backend.stop();
  }
}

describe('searchModuleDataProductPorts', () => {
  it("adds a DataProduct's ports to its catalog document, without servers or terms", async () => {
    const [document] = await collate([benefitDecisions]);
    expect(document).toMatchObject({
      title: 'Benefit decisions',
      text: 'Every decision on an unemployment-benefit application.',
      kind: 'DataProduct',
      type: 'source-aligned',
      lifecycle: 'active',
      owner: 'group:team-benefits',
      location: '/catalog/default/dataproduct/benefit-decisions',
    });
    expect(document.outputPorts).toEqual([
      {
        name: 'decisions_v1',
        type: 'table',
        classification: 'personal',
        personalData: { directIdentifiers: true, specialCategories: false },
        access: { approval: 'required' },
      },
      {
        name: 'decision_counts_v1',
        type: 'table',
        classification: 'public',
        access: { approval: 'auto' },
      },
    ]);
    expect(JSON.stringify(document)).not.toMatch(/db\.internal|follow-up/);
  });

  it('leaves the documents of other kinds as Backstage shapes them', async () => {
    const [document] = await collate([decisionService]);
    expect(document).toEqual({
      title: 'benefit-decision-service',
      text: '',
      componentType: 'service',
      type: 'service',
      namespace: 'default',
      kind: 'Component',
      lifecycle: 'production',
      owner: 'team-benefits',
      location: '/catalog/default/component/benefit-decision-service',
      authorization: {
        resourceRef: 'component:default/benefit-decision-service',
      },
    });
  });
});
