import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { toCsv } from '../shared/csv';

/** Who has access to a product, as a CSV file: one grant per row. */
export function grantsCsv(grants: AccessRequest[]): string {
  return toCsv(
    [
      'Data product',
      'Port',
      'Access for',
      'Requester',
      'Purpose',
      'Processing activity',
      'Art. 6 basis',
      'Art. 9 basis',
      'National law',
      'Approved at',
      'Approved by',
      'Ends at',
      'Provisioning',
    ],
    grants.map(g => [
      g.entityRef,
      g.outputPort,
      g.subjectRef,
      g.requesterRef,
      g.purpose,
      g.legalBasis
        ? [g.legalBasis.number, g.legalBasis.name].filter(Boolean).join(' ')
        : '',
      g.legalBasis?.art6Basis,
      g.legalBasis?.art9Basis,
      g.legalBasis?.nationalLaw,
      g.decidedAt,
      g.decidedBy,
      g.endsAt,
      g.provisioning?.state,
    ]),
  );
}
