import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';

export const OLAV = 'user:default/olav.owner';
export const ADA = 'user:default/ada.analyst';
export const BO = 'user:default/bo.business';
export const DECISIONS = 'dataproduct:default/benefit-decisions';
export const PAYMENTS = 'dataproduct:default/benefit-payments';
/** Where the real client finds the backend behind `mockApis.discovery()`. */
export const API = 'http://example.com/api/data-products';

const DAY = 86_400_000;

/** An instant `days` from now at 12:00 UTC, as the API writes it. */
export function daysFromNow(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(12, 0, 0, 0);
  return date.toISOString();
}

/** Three days and an hour ago: "3 days ago" at any hour. */
const threeDaysAgo = () =>
  new Date(Date.now() - 3 * DAY - 3_600_000).toISOString();

let n = 0;

/** A pending request by Ada for the personal-data port, as the API returns it. */
export function aRequest(
  overrides: Partial<AccessRequest> = {},
): AccessRequest {
  n += 1;
  return {
    id: `req-${n}`,
    entityRef: DECISIONS,
    outputPort: 'decisions_v1',
    subjectRef: ADA,
    requesterRef: ADA,
    purpose: 'Follow-up statistics for young job seekers',
    legalBasis: {
      registerId: 'demo',
      id: 'activity-123',
      number: 'B123',
      name: 'Follow-up of young job seekers',
      purposes: ['statistics'],
      art6Basis: 'ART61E',
      art9Basis: 'ART92H',
      status: 'COMPLETED',
      link: 'https://register.example/activities/B123',
      capturedAt: threeDaysAgo(),
    },
    approvalMode: 'required',
    status: 'pending',
    endsAt: daysFromNow(60),
    createdAt: threeDaysAgo(),
    updatedAt: threeDaysAgo(),
    ...overrides,
  };
}
