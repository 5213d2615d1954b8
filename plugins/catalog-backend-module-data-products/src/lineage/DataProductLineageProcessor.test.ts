import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataProductLineageProcessor } from './DataProductLineageProcessor';
import { GrantLineage, LineagePair } from './GrantLineage';

const location = { type: 'url', target: 'https://example.com/catalog.yaml' };

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: {},
});

/** Grants as the data-products backend would answer for each subject. */
function lineageOf(grants: LineagePair[]) {
  const asked: string[] = [];
  const lineage: GrantLineage = {
    async forSubject(subjectRef) {
      asked.push(subjectRef);
      return grants.filter(g => g.subjectRef === subjectRef);
    },
  };
  return { lineage, asked };
}

async function relationsOf(lineage: GrantLineage, subject: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new DataProductLineageProcessor(lineage).postProcessEntity(
    subject,
    location,
    result => emitted.push(result),
  );
  return emitted.map(result => {
    if (result.type !== 'relation') throw new Error(`got ${result.type}`);
    const { source, type, target } = result.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

const grants: LineagePair[] = [
  {
    subjectRef: 'component:default/case-service',
    dataProductRef: 'dataproduct:default/benefit-decisions',
  },
  {
    subjectRef: 'component:default/case-service',
    dataProductRef: 'dataproduct:employment/vacancies',
  },
  {
    subjectRef: 'group:default/team-analytics',
    dataProductRef: 'dataproduct:default/benefit-decisions',
  },
  {
    subjectRef: 'user:default/ada',
    dataProductRef: 'dataproduct:default/benefit-decisions',
  },
];

describe('DataProductLineageProcessor', () => {
  it('draws each active grant to a service as a pair of relations', async () => {
    const { lineage } = lineageOf(grants);
    expect(
      await relationsOf(lineage, entity('Component', 'case-service')),
    ).toEqual([
      'Component:default/case-service consumesDataProduct dataproduct:default/benefit-decisions',
      'dataproduct:default/benefit-decisions dataProductConsumedBy Component:default/case-service',
      'Component:default/case-service consumesDataProduct dataproduct:employment/vacancies',
      'dataproduct:employment/vacancies dataProductConsumedBy Component:default/case-service',
    ]);
  });

  it('draws a grant to a group', async () => {
    const { lineage } = lineageOf(grants);
    expect(
      await relationsOf(lineage, entity('Group', 'team-analytics')),
    ).toEqual([
      'Group:default/team-analytics consumesDataProduct dataproduct:default/benefit-decisions',
      'dataproduct:default/benefit-decisions dataProductConsumedBy Group:default/team-analytics',
    ]);
  });

  it('draws nothing for a user, and does not ask', async () => {
    const { lineage, asked } = lineageOf(grants);
    expect(await relationsOf(lineage, entity('User', 'ada'))).toEqual([]);
    expect(await relationsOf(lineage, entity('API', 'case-api'))).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('draws nothing once the grant is gone', async () => {
    const { lineage } = lineageOf(grants.slice(0, 2));
    expect(
      await relationsOf(lineage, entity('Group', 'team-analytics')),
    ).toEqual([]);
  });

  it('ignores an answer about another subject or a non-product target', async () => {
    const lineage: GrantLineage = {
      forSubject: async () => [
        grants[2],
        {
          subjectRef: 'component:default/case-service',
          dataProductRef: 'component:default/other',
        },
      ],
    };
    expect(
      await relationsOf(lineage, entity('Component', 'case-service')),
    ).toEqual([]);
  });

  it('draws nothing when no data-products backend answers', async () => {
    const lineage: GrantLineage = { forSubject: async () => undefined };
    expect(
      await relationsOf(lineage, entity('Component', 'case-service')),
    ).toEqual([]);
  });

  it('fails processing when the backend fails, so the catalog keeps what it had', async () => {
    const lineage: GrantLineage = {
      forSubject: async () => {
        throw new Error('Request failed with 503');
      },
    };
    await expect(
      relationsOf(lineage, entity('Component', 'case-service')),
    ).rejects.toThrow('503');
  });
});
