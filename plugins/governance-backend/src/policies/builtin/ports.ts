import type { Entity } from '@backstage/catalog-model';
import {
  holdsPersonalData,
  isDataProductEntity,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import type { PolicyCheckOutcome } from '@datamesh-governance/plugin-governance-node';

/** The output ports of a DataProduct entity; none for other kinds. */
export function outputPorts(entity: Entity): OutputPort[] {
  return isDataProductEntity(entity) ? entity.spec.outputPorts ?? [] : [];
}

export function personalDataPorts(entity: Entity): OutputPort[] {
  return outputPorts(entity).filter(holdsPersonalData);
}

/** Sensitive by classification, or holding GDPR Art. 9 special categories. */
export function sensitivePorts(entity: Entity): OutputPort[] {
  return outputPorts(entity).filter(
    port =>
      port.classification === 'sensitive' ||
      Boolean(port.personalData?.specialCategories),
  );
}

/**
 * Passes when no port has a problem; otherwise one message naming each
 * port and what to change, e.g. `periods_v1: maxDuration P365D is longer …`.
 */
export function outcomeOf(
  ports: OutputPort[],
  problemOf: (port: OutputPort) => string | undefined,
): PolicyCheckOutcome {
  const problems = ports.flatMap(port => {
    const problem = problemOf(port);
    return problem ? [`${port.name}: ${problem}`] : [];
  });
  return problems.length
    ? { passed: false, message: problems.join('; ') }
    : { passed: true };
}

/** A string parameter, or the default when the ADR gives none. */
export function stringParam(
  params: Record<string, unknown>,
  name: string,
  fallback: string,
): string {
  const value = params[name];
  return typeof value === 'string' && value.trim() ? value.trim() : fallback;
}
