import type { JsonObject } from '@backstage/types';

/** A date `days` from today, yyyy-mm-dd. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A proposal as the template builds it from a filled-in form. */
export function templateProposal(overrides: JsonObject = {}): JsonObject {
  return {
    status: 'proposed',
    title: 'Access to personal data lasts at most 90 days',
    context:
      'Most purposes named in requests are projects of under three months.',
    options: [
      { title: 'Keep 180 days' },
      {
        title: '90 days',
        description: 'Shorter, renewable with a new request.',
      },
    ],
    outcome: '90 days, renewable with a new request.',
    policies: [
      { id: 'personal-data-max-duration', params: { maxDuration: 'P90D' } },
      { id: 'output-ports-classified' },
    ],
    problems: ['3f0c7a4e-8d2b-4c1e-9a57-0b6d2e1f4a90'],
    opinionsDue: daysFromToday(14),
    ...overrides,
  };
}

/** The policy checks as the governance backend serves them (GET /policies). */
export const registeredChecks = [
  {
    id: 'personal-data-max-duration',
    title: 'Access to personal data is time-limited',
    description: 'Ports with personal data declare access.maxDuration.',
    parameters: [
      {
        name: 'maxDuration',
        title: 'Longest grant',
        description: 'An ISO 8601 duration, e.g. P180D',
        pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$',
        default: 'P180D',
      },
    ],
  },
  {
    id: 'output-ports-classified',
    title: 'Output ports are classified',
    description: 'Every output port declares a classification.',
  },
];
