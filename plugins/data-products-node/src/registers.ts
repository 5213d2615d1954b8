import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';

/**
 * A register of processing activities (GDPR Art. 30) that consumers pick
 * the legal basis of an access request from.
 * @public
 */
export interface LegalBasisRegistry {
  /** Unique among the registers of one backend, e.g. `demo` or `polly`. */
  readonly id: string;
  /** Activities whose number or words match `query` ("123", "B123", "follow-up"). */
  search(query: string): Promise<ProcessingActivity[]>;
  /** One activity, or undefined when the register does not know it. */
  get(activityId: string): Promise<ProcessingActivity | undefined>;
}

/** @public */
export interface LegalBasisRegistryExtensionPoint {
  addRegistry(registry: LegalBasisRegistry): void;
}

/**
 * Lets backend modules add registers of processing activities.
 * @public
 */
export const legalBasisRegistryExtensionPoint =
  createExtensionPoint<LegalBasisRegistryExtensionPoint>({
    id: 'data-products.legal-basis-registries',
  });
