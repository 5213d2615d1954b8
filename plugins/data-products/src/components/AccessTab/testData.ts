import type {
  AccessRequest,
  DataProductEntityV1alpha1,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * Test data taken from the demo organisation in examples/; validity ends far
 * ahead so that tests that use today's date keep working.
 */

export const ADA = 'user:default/ada.analyst';
export const OLAV = 'user:default/olav.owner';

export const benefitDecisions: DataProductEntityV1alpha1 = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'benefit-decisions', namespace: 'default' },
  spec: {
    type: 'source-aligned',
    lifecycle: 'active',
    owner: 'group:team-benefits',
    outputPorts: [
      {
        name: 'decisions_v1',
        description: "One row per decision, with the applicant's national id.",
        type: 'table',
        classification: 'personal',
        personalData: { directIdentifiers: true, specialCategories: false },
        access: {
          approval: 'required',
          maxDuration: 'P90D',
          subjectTypes: ['user', 'group', 'service'],
          terms:
            'Use only for the processing activity you name; do not re-identify or pass on individual rows.',
        },
      },
      {
        name: 'decision_counts_v1',
        type: 'table',
        classification: 'public',
        access: { approval: 'auto', maxDuration: 'P365D' },
      },
    ],
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-benefits' }],
};

export const sickLeaveCases: DataProductEntityV1alpha1 = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'sick-leave-cases', namespace: 'default' },
  spec: {
    type: 'source-aligned',
    lifecycle: 'active',
    owner: 'group:team-follow-up',
    outputPorts: [
      {
        name: 'cases_v1',
        type: 'table',
        classification: 'sensitive',
        personalData: { directIdentifiers: true, specialCategories: true },
        access: {
          approval: 'required',
          maxDuration: 'P30D',
          subjectTypes: ['user'],
          terms:
            'Health data (GDPR Art. 9). Access only from the secure analysis zone.',
        },
      },
    ],
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-follow-up' }],
};

export const b123: ProcessingActivity = {
  registerId: 'demo',
  id: '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11',
  number: 'B123',
  name: 'Follow-up of young unemployed people',
  purposes: ['Follow-up of job seekers'],
  art6Basis: 'ART61E',
  art6Description: 'Art. 6(1)(e) public task',
  nationalLaw: 'Labour Market Act § 14',
  status: 'COMPLETED',
  validFrom: '2021-01-01',
  validTo: '2099-12-31',
  link: 'https://register.example/activities/B123',
};

export const b230: ProcessingActivity = {
  registerId: 'demo',
  id: '9b2e4d10-2c3a-4f8e-8d21-6a0b5c7e9f02',
  number: 'B230',
  name: 'Sick-leave follow-up statistics',
  purposes: ['Sick leave'],
  art6Basis: 'ART61E',
  art6Description: 'Art. 6(1)(e) public task',
  art9Basis: 'ART92H',
  art9Description: 'Art. 9(2)(h) health or social care',
  status: 'COMPLETED',
  validFrom: '2019-06-01',
  validTo: '2099-06-30',
};

export const b311: ProcessingActivity = {
  registerId: 'demo',
  id: 'c71a3e55-9d4b-4b0f-a1e3-2f6d8b9c4a77',
  number: 'B311',
  name: 'Improving communication about benefits',
  purposes: ['Communication'],
  art6Basis: 'ART61E',
  status: 'IN_PROGRESS',
  validFrom: '2026-01-01',
};

export const b099: ProcessingActivity = {
  registerId: 'demo',
  id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e104',
  number: 'B099',
  name: 'Job matching pilot 2023',
  purposes: ['Follow-up of job seekers'],
  art6Basis: 'ART61E',
  status: 'COMPLETED',
  validFrom: '2023-01-01',
  validTo: '2024-06-30',
};

export const register = [b123, b230, b311, b099];

/** An access request as the backend returns it. */
export function accessRequest(
  overrides: Partial<AccessRequest> = {},
): AccessRequest {
  return {
    id: 'r-1',
    entityRef: 'dataproduct:default/benefit-decisions',
    outputPort: 'decisions_v1',
    subjectRef: ADA,
    requesterRef: ADA,
    purpose: 'Follow-up statistics for young job seekers',
    approvalMode: 'required',
    status: 'pending',
    endsAt: '2099-01-01T00:00:00.000Z',
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...overrides,
  };
}
