import type { DataProductEntityV1alpha1 } from '../entity/DataProductEntity';

/** A valid DataProduct with one personal and one public port, for tests. */
export function makeDataProduct(
  overrides: Partial<DataProductEntityV1alpha1['spec']> = {},
): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'benefit-decisions', namespace: 'default' },
    spec: {
      type: 'source-aligned',
      lifecycle: 'active',
      owner: 'group:team-benefits',
      domain: 'benefits',
      system: 'benefit-case-handling',
      producedBy: ['component:benefit-decision-service'],
      inputPorts: [{ dataProduct: 'vacancies', outputPort: 'vacancies_v1' }],
      outputPorts: [
        {
          name: 'decisions_v1',
          type: 'table',
          classification: 'personal',
          personalData: { directIdentifiers: true },
          sla: [{ property: 'freshness', value: 1, unit: 'd' }],
          contract: { location: 'https://schemas.example/decisions.yaml' },
          access: { approval: 'required', maxDuration: 'P90D' },
        },
        {
          name: 'decision_counts_v1',
          type: 'table',
          classification: 'public',
          access: { approval: 'auto' },
        },
      ],
      ...overrides,
    },
  };
}
