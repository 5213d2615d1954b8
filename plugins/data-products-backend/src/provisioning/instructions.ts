import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';

const MAX_VALUE_LENGTH = 200;

/**
 * What an owner does by hand where no provisioner handles the port's server
 * type. The server block is the entity's data: it is quoted as values, cut
 * short, and only read, never run.
 */
export function manualInstructions(
  operation: 'grant' | 'revoke',
  request: Pick<
    AccessRequest,
    'entityRef' | 'outputPort' | 'subjectRef' | 'endsAt'
  >,
  server: Record<string, unknown> | undefined,
): string {
  const where = server
    ? Object.entries(server)
        .filter(([, value]) => ['string', 'number'].includes(typeof value))
        .slice(0, 10)
        .map(([key, value]) => `${key.slice(0, 50)}=${quote(String(value))}`)
        .join(', ')
    : '';
  const target = where
    ? `on the server of port ${request.outputPort} (${where})`
    : `where port ${request.outputPort} of ${request.entityRef} lives (the port declares no server)`;
  return operation === 'grant'
    ? `Give ${request.subjectRef} read access ${target}, until ${request.endsAt}; no provisioner handles this server type.`
    : `Take read access away from ${request.subjectRef} ${target}; no provisioner handles this server type.`;
}

function quote(value: string): string {
  return JSON.stringify(
    value.length > MAX_VALUE_LENGTH
      ? `${value.slice(0, MAX_VALUE_LENGTH)}…`
      : value,
  );
}
