import type { Entity } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';

/** Catalog entities as the catalog serves them, relations included. */
export const benefitDecisions: DataProductEntityV1alpha1 = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'benefit-decisions',
    namespace: 'default',
    title: 'Benefit decisions',
  },
  spec: {
    type: 'source-aligned',
    lifecycle: 'active',
    owner: 'group:team-benefits',
    producedBy: ['component:benefit-decision-service'],
    purpose: 'Follow up decisions without calling case handling.',
    inputPorts: [
      { dataProduct: 'dataproduct:vacancies', outputPort: 'vacancies_v1' },
    ],
    outputPorts: [
      {
        name: 'decisions_v1',
        description: 'One row per decision.',
        type: 'table',
        version: '1.2.0',
        server: { type: 'postgres' },
        contract: { location: 'https://schemas.example/decisions_v1.yaml' },
        classification: 'personal',
        personalData: { directIdentifiers: true },
        sla: [{ property: 'freshness', value: 1, unit: 'd' }],
        access: { approval: 'required', maxDuration: 'P90D' },
      },
      {
        name: 'decision_counts_v1',
        type: 'table',
        classification: 'public',
        access: { approval: 'auto' },
      },
    ],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-benefits' },
    {
      type: 'producedBy',
      targetRef: 'component:default/benefit-decision-service',
    },
  ],
};

export const decisionService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'benefit-decision-service', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-benefits' },
  relations: [
    { type: 'producerOf', targetRef: 'dataproduct:default/benefit-decisions' },
  ],
};

export const paymentService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'benefit-payment-service', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-benefits' },
  relations: [],
};
