import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  dataProductEntityV1alpha1Validator,
  isDataProductEntity,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCER_OF,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * Claims the DataProduct kind: validates it against the schema in
 * `-common` and emits both directions of every relation it declares.
 * @public
 */
export class DataProductEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'DataProductEntityProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    // Without this, an entity with a mistyped version gets the catalog's
    // generic "no processor recognized the entity" error.
    if (
      entity.kind === DATA_PRODUCT_KIND &&
      entity.apiVersion?.startsWith('datamesh/') &&
      entity.apiVersion !== DATA_PRODUCT_API_VERSION
    ) {
      throw new InputError(
        `Unsupported apiVersion "${entity.apiVersion}" for kind DataProduct; expected "${DATA_PRODUCT_API_VERSION}"`,
      );
    }
    return dataProductEntityV1alpha1Validator.check(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const { spec } = entity;
    const link = (
      targets: string | string[] | undefined,
      defaultKind: string,
      forward: string,
      reverse: string,
    ) => {
      for (const target of [targets ?? []].flat()) {
        const ref = parseEntityRef(target, {
          defaultKind,
          defaultNamespace: self.namespace,
        });
        emitPair(emit, self, forward, ref, reverse);
      }
    };

    link(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
    link(spec.domain, 'Domain', RELATION_PART_OF, RELATION_HAS_PART);
    link(spec.system, 'System', RELATION_PART_OF, RELATION_HAS_PART);
    link(
      spec.producedBy,
      'Component',
      RELATION_PRODUCED_BY,
      RELATION_PRODUCER_OF,
    );
    link(
      spec.inputPorts?.map(port => port.dataProduct),
      DATA_PRODUCT_KIND,
      RELATION_DEPENDS_ON,
      RELATION_DEPENDENCY_OF,
    );
    return entity;
  }
}

function emitPair(
  emit: CatalogProcessorEmit,
  source: CompoundEntityRef,
  forward: string,
  target: CompoundEntityRef,
  reverse: string,
) {
  emit(processingResult.relation({ source, type: forward, target }));
  emit(
    processingResult.relation({
      source: target,
      type: reverse,
      target: source,
    }),
  );
}
