import { latestEndDate } from '@datamesh-governance/plugin-data-products-common';
import type { PolicyCheck } from '@datamesh-governance/plugin-governance-node';
import { outcomeOf, personalDataPorts, stringParam } from './ports';

/** ADR: consumers document the legal basis for personal data. */
export const personalDataLegalBasis: PolicyCheck = {
  id: 'personal-data-legal-basis',
  title: 'Personal data needs a documented legal basis',
  description:
    'Output ports with personal data require owner approval (access.approval: required) and do not switch off access.legalBasisRequired, so every grant names a processing activity.',
  appliesTo: entity => personalDataPorts(entity).length > 0,
  check: entity =>
    outcomeOf(personalDataPorts(entity), port => {
      const problems: string[] = [];
      if (port.access?.approval !== 'required') {
        problems.push(
          `set access.approval to required (it is ${
            port.access?.approval ?? 'not set'
          })`,
        );
      }
      if (port.access?.legalBasisRequired === false) {
        problems.push('remove access.legalBasisRequired: false');
      }
      return problems.length ? problems.join(' and ') : undefined;
    }),
};

const DEFAULT_MAX_DURATION = 'P180D';

/** ADR: access to personal data is time-limited (`maxDuration` parameter). */
export const personalDataMaxDuration: PolicyCheck = {
  id: 'personal-data-max-duration',
  title: 'Access to personal data is time-limited',
  description:
    'Output ports with personal data declare access.maxDuration, no longer than the maximum the forum decided (parameter maxDuration, an ISO 8601 duration).',
  parameters: [
    {
      name: 'maxDuration',
      title: 'Longest grant',
      description:
        'An ISO 8601 duration, e.g. P180D for 180 days or P1Y for a year',
      pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$',
      default: DEFAULT_MAX_DURATION,
    },
  ],
  appliesTo: entity => personalDataPorts(entity).length > 0,
  check: (entity, params) => {
    const limit = stringParam(params, 'maxDuration', DEFAULT_MAX_DURATION);
    // Durations such as P6M vary in length; compare the end dates from now.
    const from = new Date();
    const limitEnd = latestEndDate({ from, maxDuration: limit })!;
    return outcomeOf(personalDataPorts(entity), port => {
      const declared = port.access?.maxDuration;
      if (!declared) return `declare access.maxDuration (at most ${limit})`;
      let end: Date | undefined;
      try {
        end = latestEndDate({ from, maxDuration: declared });
      } catch {
        return `access.maxDuration "${declared}" is not an ISO 8601 duration`;
      }
      return end && end > limitEnd
        ? `access.maxDuration ${declared} is longer than the allowed ${limit}`
        : undefined;
    });
  },
};
