import { parseEntityRef } from '@backstage/catalog-model';
import {
  isDataProductEntity,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import type { PolicyCheck } from '@datamesh-governance/plugin-governance-node';
import { outcomeOf, outputPorts } from './ports';

const LIFECYCLES = ['proposed', 'active', 'deprecated', 'retired'];

/** ADR: every data product has an owning team and a lifecycle. */
export const ownerAndLifecycle: PolicyCheck = {
  id: 'owner-and-lifecycle',
  title: 'Every data product has an owning team and a lifecycle',
  description:
    'spec.owner names a group (not a person) and spec.lifecycle is proposed, active, deprecated or retired.',
  appliesTo: isDataProductEntity,
  check: entity => {
    const spec = (entity.spec ?? {}) as { owner?: string; lifecycle?: string };
    const problems: string[] = [];
    if (!spec.owner) {
      problems.push('set spec.owner to the owning group');
    } else if (ownerKind(spec.owner) !== 'group') {
      problems.push(
        `spec.owner ${spec.owner} is not a group; name the owning team`,
      );
    }
    if (!spec.lifecycle || !LIFECYCLES.includes(spec.lifecycle)) {
      problems.push(`set spec.lifecycle to one of ${LIFECYCLES.join(', ')}`);
    }
    return problems.length
      ? { passed: false, message: problems.join('; ') }
      : { passed: true };
  },
};

function ownerKind(owner: string): string | undefined {
  try {
    return parseEntityRef(owner, { defaultKind: 'group' }).kind.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Proposed ADR: data products publish a freshness SLA. */
export const freshnessSla: PolicyCheck = {
  id: 'freshness-sla',
  title: 'Output ports publish a freshness SLA',
  description:
    'Each output port declares a service level with property freshness (value and unit).',
  appliesTo: entity => outputPorts(entity).length > 0,
  check: entity =>
    outcomeOf(outputPorts(entity), (port: OutputPort) =>
      port.sla?.some(level => level.property === 'freshness')
        ? undefined
        : 'add an sla entry with property: freshness',
    ),
};
