import { AuthService } from '@backstage/backend-plugin-api';
import {
  getCompoundEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  decidersOf,
  isDataProductEntity,
  normalizeEntityRef,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';

/** A data product's output port, with who may decide requests for it. */
export type ResolvedPort = {
  product: DataProductEntityV1alpha1;
  entityRef: string;
  port: OutputPort;
  /** Current owners of the product and approvers of the port. */
  deciders: string[];
};

/** Reads data products from the catalog as the plugin itself. */
export class DataProductCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async getPort(entityRef: string, portName: string): Promise<ResolvedPort> {
    return portOf(await this.getProduct(entityRef), portName);
  }

  /** The data product, or NotFoundError. */
  async getProduct(entityRef: string): Promise<DataProductEntityV1alpha1> {
    const ref = refFromInput('entityRef', entityRef, 'dataproduct');
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity || !isDataProductEntity(entity)) {
      throw new NotFoundError(`No data product ${ref} in the catalog`);
    }
    return entity;
  }

  /**
   * A port lookup that reads each data product once, for work on many
   * requests at a time (bulk decisions, the deciders' refresh).
   */
  portLookup(): (entityRef: string, portName: string) => Promise<ResolvedPort> {
    const products = new Map<string, Promise<DataProductEntityV1alpha1>>();
    return async (entityRef, portName) => {
      const ref = refFromInput('entityRef', entityRef, 'dataproduct');
      if (!products.has(ref)) products.set(ref, this.getProduct(ref));
      return portOf(await products.get(ref)!, portName);
    };
  }

  /** Every data product, a page at a time, as the plugin itself. */
  async *allProducts(): AsyncGenerator<DataProductEntityV1alpha1> {
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: 100 }
          : { filter: { kind: 'DataProduct' }, limit: 100 },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      for (const entity of page.items) {
        if (isDataProductEntity(entity)) yield entity;
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }

  /** Refs that own a catalog entity (for "a service I own"). */
  async ownersOf(entityRef: string): Promise<string[]> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return (entity?.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef);
  }
}

/** A port of a data product, with its current owners and approvers. */
export function portOf(
  product: DataProductEntityV1alpha1,
  portName: string,
): ResolvedPort {
  const ref = normalizeEntityRef(getCompoundEntityRef(product));
  const port = product.spec.outputPorts.find(p => p.name === portName);
  if (!port) {
    throw new InputError(
      `"${portName}" is not an output port of ${ref}; its ports are ${product.spec.outputPorts
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  return { product, entityRef: ref, port, deciders: decidersOf(product, port) };
}

/** A ref from a request, normalised; text that is no entity ref is the caller's mistake. */
export function refFromInput(
  field: string,
  ref: string,
  defaultKind: string,
): string {
  try {
    return normalizeEntityRef(ref, { defaultKind });
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
}
