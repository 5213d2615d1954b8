import type { PersonalDataAccessRow } from '@datamesh-governance/plugin-data-products-common';
import { csvLine } from './csv';

const COLUMNS: Array<
  [string, (row: PersonalDataAccessRow) => string | undefined]
> = [
  ['Data product', row => row.entityRef],
  ['Output port', row => row.outputPort],
  ['Subject', row => row.subjectRef],
  ['Requester', row => row.requesterRef],
  ['Purpose', row => row.purpose],
  ['Register', row => row.activity.registerId],
  ['Activity number', row => row.activity.number],
  ['Activity', row => row.activity.name],
  ['Art. 6 basis', row => row.activity.art6Basis],
  ['Art. 9 basis', row => row.activity.art9Basis],
  ['National law', row => row.activity.nationalLaw],
  ['Register link', row => row.activity.link],
  ['Approved at', row => row.approvedAt],
  ['Approved by', row => row.approvedBy],
  ['Ends at', row => row.endsAt],
  ['Provisioning', row => row.provisioning?.state],
  ['Request id', row => row.requestId],
];

export function reportCsvHeader(): string {
  return csvLine(COLUMNS.map(([name]) => name));
}

export function reportCsvLine(row: PersonalDataAccessRow): string {
  return csvLine(COLUMNS.map(([, value]) => value(row)));
}
