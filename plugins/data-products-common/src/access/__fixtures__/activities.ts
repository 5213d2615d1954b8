import type { ProcessingActivity } from '../processingActivity';

/** A completed processing activity valid 2021 to 2030, for tests. */
export function makeActivity(
  overrides: Partial<ProcessingActivity> = {},
): ProcessingActivity {
  return {
    registerId: 'demo',
    id: 'follow-up',
    number: 'B123',
    name: 'Follow-up of young unemployed people',
    purposes: ['Follow-up of job seekers'],
    art6Basis: 'ART61E',
    status: 'COMPLETED',
    validFrom: '2021-01-01',
    validTo: '2030-12-31',
    ...overrides,
  };
}
