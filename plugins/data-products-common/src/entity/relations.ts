/**
 * Relation from a data product to a component that produces it.
 * Reverse: {@link RELATION_PRODUCER_OF}.
 * @public
 */
export const RELATION_PRODUCED_BY = 'producedBy';
/** Relation from a component to a data product it produces. @public */
export const RELATION_PRODUCER_OF = 'producerOf';
/**
 * Relation from a service (Component) or a group to a data product it has
 * an active access grant for. Reverse: {@link RELATION_DATA_PRODUCT_CONSUMED_BY}.
 * @public
 */
export const RELATION_CONSUMES_DATA_PRODUCT = 'consumesDataProduct';
/** Relation from a data product to a service or group granted access to it. @public */
export const RELATION_DATA_PRODUCT_CONSUMED_BY = 'dataProductConsumedBy';
