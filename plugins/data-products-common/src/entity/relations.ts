/**
 * Relation from a data product to a component that produces it.
 * Reverse: {@link RELATION_PRODUCER_OF}.
 * @public
 */
export const RELATION_PRODUCED_BY = 'producedBy';
/** Relation from a component to a data product it produces. @public */
export const RELATION_PRODUCER_OF = 'producerOf';
