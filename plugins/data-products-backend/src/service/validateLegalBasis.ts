import { InputError } from '@backstage/errors';
import {
  LegalBasisSnapshot,
  OutputPort,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * Checks that a processing activity can be the legal basis for access to
 * `port` until `endsAt`, and takes the snapshot stored with the request.
 */
export function validateLegalBasis(options: {
  activity: ProcessingActivity;
  port: OutputPort;
  endsAt: Date;
  now: Date;
}): LegalBasisSnapshot {
  const { activity, port, endsAt, now } = options;
  const label = `B${activity.number.replace(/^B/i, '')} ${activity.name}`;
  // Messages start with the field they concern, so that the form shows them there.
  if (activity.status !== 'COMPLETED') {
    throw new InputError(
      `legalBasis: The processing activity ${label} is ${activity.status}, not in force; pick a completed one`,
    );
  }
  if (activity.validFrom && new Date(activity.validFrom) > now) {
    throw new InputError(
      `legalBasis: The processing activity ${label} is valid only from ${activity.validFrom}`,
    );
  }
  // validTo is a date: the activity covers that whole day.
  if (
    activity.validTo &&
    new Date(`${activity.validTo}T23:59:59.999Z`) < endsAt
  ) {
    throw new InputError(
      `legalBasis: The processing activity ${label} is valid until ${activity.validTo}, before the end date you asked for; choose an earlier end date`,
    );
  }
  if (port.personalData?.specialCategories && !activity.art9Basis) {
    throw new InputError(
      `legalBasis: The port ${port.name} holds special categories of personal data (GDPR Art. 9); the processing activity ${label} has no Art. 9(2) basis`,
    );
  }
  return { ...activity, capturedAt: now.toISOString() };
}
