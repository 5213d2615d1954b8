import { AuthService } from '@backstage/backend-plugin-api';
import {
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
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
    const ref = normalizeRef(entityRef, 'dataproduct');
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity || !isDataProductEntity(entity)) {
      throw new NotFoundError(`No data product ${ref} in the catalog`);
    }
    const port = entity.spec.outputPorts.find(p => p.name === portName);
    if (!port) {
      throw new InputError(
        `"${portName}" is not an output port of ${ref}; its ports are ${entity.spec.outputPorts
          .map(p => p.name)
          .join(', ')}`,
      );
    }
    const { namespace } = getCompoundEntityRef(entity);
    const owners = (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef);
    const approvers = (port.access?.approvers ?? []).map(a =>
      normalizeRef(a, 'group', namespace),
    );
    return {
      product: entity,
      entityRef: ref,
      port,
      deciders: [...new Set([...owners, ...approvers])],
    };
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

/** `group:team-a` → `group:default/team-a`, lower-cased as the catalog keeps refs. */
export function normalizeRef(
  ref: string,
  defaultKind: string,
  defaultNamespace = 'default',
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace }),
  ).toLocaleLowerCase('en-US');
}
