import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataProductEntityProcessor } from './DataProductEntityProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'job-matches', namespace: 'employment' },
  spec: {
    type: 'aggregate',
    lifecycle: 'active',
    owner: 'team-employment',
    domain: 'employment',
    system: 'job-matching',
    producedBy: ['component:job-matching-service'],
    inputPorts: [
      { dataProduct: 'vacancies', outputPort: 'vacancies_v1' },
      { dataProduct: 'dataproduct:default/jobseeker-profiles' },
    ],
    outputPorts: [
      { name: 'matches_v1', type: 'table', classification: 'internal' },
    ],
  },
};

async function emittedRelations(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new DataProductEntityProcessor().postProcessEntity(
    entity,
    location,
    result => emitted.push(result),
  );
  return emitted.map(result => {
    if (result.type !== 'relation')
      throw new Error(`unexpected ${result.type}`);
    const { source, type, target } = result.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('DataProductEntityProcessor', () => {
  const processor = new DataProductEntityProcessor();

  it('claims valid data products and leaves other kinds alone', async () => {
    await expect(processor.validateEntityKind(product)).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({ ...product, kind: 'Component' }),
    ).resolves.toBe(false);
  });

  it('throws an error naming the field for an invalid data product', async () => {
    const broken = { ...product, spec: { ...product.spec, owner: undefined } };
    await expect(processor.validateEntityKind(broken)).rejects.toThrow(/owner/);
  });

  it('explains an unknown datamesh apiVersion', async () => {
    await expect(
      processor.validateEntityKind({ ...product, apiVersion: 'datamesh/v2' }),
    ).rejects.toThrow(
      /Unsupported apiVersion "datamesh\/v2".*datamesh\/v1alpha1/,
    );
  });

  it('emits both directions of every relation, in the entity namespace by default', async () => {
    const self = 'DataProduct:employment/job-matches';
    expect(await emittedRelations(product)).toEqual([
      `${self} ownedBy Group:employment/team-employment`,
      `Group:employment/team-employment ownerOf ${self}`,
      `${self} partOf Domain:employment/employment`,
      `Domain:employment/employment hasPart ${self}`,
      `${self} partOf System:employment/job-matching`,
      `System:employment/job-matching hasPart ${self}`,
      `${self} producedBy component:employment/job-matching-service`,
      `component:employment/job-matching-service producerOf ${self}`,
      `${self} dependsOn DataProduct:employment/vacancies`,
      `DataProduct:employment/vacancies dependencyOf ${self}`,
      `${self} dependsOn dataproduct:default/jobseeker-profiles`,
      `dataproduct:default/jobseeker-profiles dependencyOf ${self}`,
    ]);
  });

  it('emits nothing for other kinds', async () => {
    expect(await emittedRelations({ ...product, kind: 'Component' })).toEqual(
      [],
    );
  });
});
