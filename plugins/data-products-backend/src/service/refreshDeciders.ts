import { AccessRequestStore } from '../database/AccessRequestStore';
import { DataProductCatalog, portOf } from './DataProductCatalog';

/**
 * Brings the recorded deciders of every open request up to date with the
 * catalog: the product's owners and each port's approvers. Reads the
 * catalog a page of products at a time; each port is one set-based update.
 */
export async function refreshDeciders(
  store: AccessRequestStore,
  catalog: DataProductCatalog,
): Promise<void> {
  for await (const product of catalog.allProducts()) {
    for (const { name } of product.spec.outputPorts) {
      const { entityRef, deciders } = portOf(product, name);
      await store.syncDeciders(entityRef, name, deciders);
    }
  }
}
