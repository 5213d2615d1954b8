import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh-governance/plugin-data-products-common';
import { GrantLineage } from './GrantLineage';

/** Kinds that can hold a grant and appear as lineage; users never do. */
const SUBJECT_KINDS = new Set(['component', 'group']);

/**
 * Draws each active access grant to a service or group as a pair of
 * relations: subject `consumesDataProduct` product, product
 * `dataProductConsumedBy` subject. Emitted while processing the subject,
 * so refreshing the subject after a revocation or expiry drops both.
 * @public
 */
export class DataProductLineageProcessor implements CatalogProcessor {
  private warned = false;

  constructor(
    private readonly lineage: GrantLineage,
    private readonly logger?: LoggerService,
  ) {}

  getProcessorName(): string {
    return 'DataProductLineageProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!SUBJECT_KINDS.has(entity.kind.toLocaleLowerCase('en-US'))) {
      return entity;
    }
    const subject = getCompoundEntityRef(entity);
    const subjectRef = stringifyEntityRef(subject);
    // A failure throws: the catalog then keeps the relations it had.
    const pairs = await this.lineage.forSubject(subjectRef);
    if (!pairs) {
      if (!this.warned) {
        this.logger?.warn(
          'No data-products backend answers: no lineage from access grants',
        );
        this.warned = true;
      }
      return entity;
    }
    for (const pair of pairs) {
      // The backend answers for the subject asked about; anything else is ignored.
      if (pair.subjectRef !== subjectRef) continue;
      const product = parseEntityRef(pair.dataProductRef);
      if (product.kind.toLocaleLowerCase('en-US') !== 'dataproduct') continue;
      emit(
        processingResult.relation({
          source: subject,
          type: RELATION_CONSUMES_DATA_PRODUCT,
          target: product,
        }),
      );
      emit(
        processingResult.relation({
          source: product,
          type: RELATION_DATA_PRODUCT_CONSUMED_BY,
          target: subject,
        }),
      );
    }
    return entity;
  }
}
