import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { LegalBasisRegistry } from '@datamesh-governance/plugin-data-products-node';
import { LoggerService } from '@backstage/backend-plugin-api';

/** All registers of processing activities the backend knows, behind one face. */
export class LegalBasisRegistries {
  private readonly byId = new Map<string, LegalBasisRegistry>();

  constructor(
    registries: LegalBasisRegistry[],
    private readonly logger: LoggerService,
  ) {
    for (const registry of registries) {
      if (this.byId.has(registry.id)) {
        throw new Error(
          `Two legal-basis registers share the id "${registry.id}"`,
        );
      }
      this.byId.set(registry.id, registry);
    }
  }

  /**
   * Searches every register. A register that is down is left out and
   * logged, unless all are down.
   */
  async search(query: string): Promise<ProcessingActivity[]> {
    const registries = [...this.byId.values()];
    const results = await Promise.allSettled(
      registries.map(r => r.search(query)),
    );
    const failures = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [`${registries[i].id}: ${r.reason?.message ?? r.reason}`]
        : [],
    );
    // Upstream detail (host names, causes) goes to the log, never to users.
    failures.forEach(f =>
      this.logger.warn(`Legal-basis register failed: ${f}`),
    );
    if (failures.length > 0 && failures.length === registries.length) {
      throw new ServiceUnavailableError(
        'No register of processing activities answered; try again later',
      );
    }
    return results.flatMap(r => (r.status === 'fulfilled' ? r.value : []));
  }

  /** One activity; NotFoundError names the register and the id. */
  async get(
    registerId: string,
    activityId: string,
  ): Promise<ProcessingActivity> {
    const registry = this.byId.get(registerId);
    if (!registry) {
      throw new InputError(
        `Unknown register of processing activities "${registerId}"; known: ${[
          ...this.byId.keys(),
        ].join(', ')}`,
      );
    }
    const activity = await registry.get(activityId);
    if (!activity) {
      throw new NotFoundError(
        `The register "${registerId}" has no processing activity "${activityId}"`,
      );
    }
    return activity;
  }
}
