import type { Entity } from '@backstage/catalog-model';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { NewAccessRequest } from '../database/AccessRequestStore';

export const ADA = 'user:default/ada';
export const OLAV = 'user:default/olav';
export const BO = 'user:default/bo';
export const EVE = 'user:default/eve';
export const TEAM_BENEFITS = 'group:default/team-benefits';

/** Who belongs to which group, as the catalog would say. */
export const memberships: Record<string, string[]> = {
  [ADA]: [ADA, 'group:default/team-analytics'],
  [OLAV]: [OLAV, TEAM_BENEFITS],
  // Bo both asks for access and owns the product: separation of duties.
  [BO]: [BO, TEAM_BENEFITS, 'group:default/team-analytics'],
  [EVE]: [EVE, 'group:default/team-other'],
};

export const days = (n: number) => new Date(Date.now() + n * 86_400_000);

const dataProduct = (name: string, ports: object[]): Entity => ({
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'source-aligned',
    lifecycle: 'active',
    owner: TEAM_BENEFITS,
    outputPorts: ports,
  },
  relations: [{ type: 'ownedBy', targetRef: TEAM_BENEFITS }],
});

export const catalogEntities: Entity[] = [
  dataProduct('benefit-decisions', [
    {
      name: 'decisions_v1',
      type: 'table',
      classification: 'personal',
      personalData: { directIdentifiers: true },
      access: { approval: 'required', maxDuration: 'P90D' },
    },
    {
      name: 'counts_v1',
      type: 'table',
      classification: 'public',
      access: { approval: 'auto' },
    },
  ]),
  dataProduct('sick-leave', [
    {
      name: 'cases_v1',
      type: 'table',
      classification: 'sensitive',
      personalData: { directIdentifiers: true, specialCategories: true },
      access: {
        approval: 'required',
        maxDuration: 'P30D',
        subjectTypes: ['user'],
      },
    },
  ]),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'analytics-workbench', namespace: 'default' },
    spec: { type: 'website', lifecycle: 'production', owner: 'team-analytics' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-analytics' }],
  },
];

const activity = (
  extra: Partial<ProcessingActivity> &
    Pick<ProcessingActivity, 'id' | 'number'>,
): Omit<ProcessingActivity, 'registerId'> => ({
  name: `Activity ${extra.number}`,
  purposes: ['Follow-up'],
  art6Basis: 'ART61E',
  status: 'COMPLETED',
  validFrom: '2020-01-01',
  ...extra,
});

export const activities = [
  activity({
    id: 'follow-up',
    number: 'B123',
    name: 'Follow-up of young unemployed people',
  }),
  activity({
    id: 'health',
    number: 'B230',
    art9Basis: 'ART92H',
    validTo: '2099-12-31',
  }),
  activity({ id: 'draft', number: 'B311', status: 'IN_PROGRESS' }),
  activity({
    id: 'ending-soon',
    number: 'B099',
    validTo: days(10).toISOString().slice(0, 10),
  }),
];

/** A store-level request for Ada, valid for 30 days. */
export function newRequest(
  extra: Partial<NewAccessRequest> = {},
): NewAccessRequest {
  return {
    entityRef: 'dataproduct:default/benefit-decisions',
    outputPort: 'decisions_v1',
    subjectRef: ADA,
    requesterRef: ADA,
    purpose: 'Statistics on decisions for the yearly report',
    approvalMode: 'required',
    endsAt: days(30).toISOString(),
    deciders: [TEAM_BENEFITS],
    ...extra,
  };
}

/** A valid POST /requests body for the personal-data port, 30 days. */
export function requestBody() {
  return {
    entityRef: 'dataproduct:default/benefit-decisions',
    outputPort: 'decisions_v1',
    purpose: 'Statistics on decisions for the yearly report',
    legalBasis: { registerId: 'demo', activityId: 'follow-up' },
    endsAt: days(30).toISOString(),
    acceptTerms: true,
  };
}
