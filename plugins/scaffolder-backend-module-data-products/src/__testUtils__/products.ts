import type { JsonObject } from '@backstage/types';

/** A product as the template builds it, with the form's every field. */
export function templateProduct(overrides: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'job-seekers',
      title: 'Job seekers',
      description: 'Registered job seekers by region',
    },
    spec: {
      type: 'source-aligned',
      lifecycle: 'proposed',
      owner: 'group:default/team-employment',
      domain: 'domain:default/employment',
      system: 'system:default/job-matching',
      producedBy: ['component:default/job-seeker-registry'],
      outputPorts: [
        {
          name: 'job_seekers_v1',
          type: 'table',
          server: { type: 'postgres', host: 'db.example', schema: 'js_v1' },
          classification: 'personal',
          personalData: { directIdentifiers: true, specialCategories: false },
          sla: [{ property: 'freshness', value: 1, unit: 'd' }],
          access: {
            approval: 'required',
            approvers: ['group:default/team-employment'],
            maxDuration: 'P90D',
            subjectTypes: ['user', 'group'],
            terms: 'Use only for the processing activity you name.',
          },
        },
      ],
    },
    ...overrides,
  };
}
