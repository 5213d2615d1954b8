import { parseEntityRef } from '@backstage/catalog-model';
import type { PolicyCheck } from '@datamesh-governance/plugin-governance-node';
import { outcomeOf, outputPorts, sensitivePorts, stringParam } from './ports';

const CLASSES = ['public', 'internal', 'personal', 'sensitive'];

/** ADR: producers classify every output port. */
export const outputPortsClassified: PolicyCheck = {
  id: 'output-ports-classified',
  title: 'Every output port is classified',
  description:
    'Each output port declares a classification (public, internal, personal or sensitive) that agrees with its personalData flags: direct identifiers mean personal or sensitive, special categories mean sensitive.',
  appliesTo: entity => outputPorts(entity).length > 0,
  check: entity =>
    outcomeOf(outputPorts(entity), port => {
      const classification = port.classification as string | undefined;
      if (!classification || !CLASSES.includes(classification)) {
        return `set classification to one of ${CLASSES.join(', ')}`;
      }
      if (
        port.personalData?.specialCategories &&
        classification !== 'sensitive'
      ) {
        return `holds special categories, so classify it sensitive (not ${classification})`;
      }
      if (
        port.personalData?.directIdentifiers &&
        (classification === 'public' || classification === 'internal')
      ) {
        return `holds direct identifiers, so classify it personal or sensitive (not ${classification})`;
      }
      return undefined;
    }),
};

/** ADR: no group-wide access to sensitive and special-category data. */
export const noBroadSubjectsOnSensitivePorts: PolicyCheck = {
  id: 'no-broad-subjects-on-sensitive-ports',
  title: 'No group-wide access to sensitive data',
  description:
    'Sensitive and special-category output ports declare access.subjectTypes without the forbidden types (parameter forbiddenSubjectTypes, default group) and name their access.approvers.',
  parameters: [
    {
      name: 'forbiddenSubjectTypes',
      title: 'Forbidden subject types',
      description:
        'Who may not be granted access, comma-separated: user, group, service',
      pattern: '^(user|group|service)( *, *(user|group|service))*$',
      default: 'group',
    },
  ],
  appliesTo: entity => sensitivePorts(entity).length > 0,
  check: (entity, params) => {
    const forbidden = stringParam(params, 'forbiddenSubjectTypes', 'group')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
    return outcomeOf(sensitivePorts(entity), port => {
      const problems: string[] = [];
      const subjectTypes = port.access?.subjectTypes;
      if (!subjectTypes?.length) {
        problems.push(
          `declare access.subjectTypes without ${forbidden.join(', ')}`,
        );
      } else {
        const allowed = subjectTypes.filter(t => forbidden.includes(t));
        if (allowed.length) {
          problems.push(
            `remove ${allowed.join(', ')} from access.subjectTypes`,
          );
        }
      }
      const approvers = (port.access?.approvers ?? []).filter(isRef);
      if (!approvers.length) {
        problems.push('name the access.approvers');
      }
      return problems.length ? problems.join(' and ') : undefined;
    });
  },
};

function isRef(value: string): boolean {
  try {
    parseEntityRef(value, { defaultKind: 'group' });
    return true;
  } catch {
    return false;
  }
}
