/**
 * Extension points of the data-products backend.
 *
 * @packageDocumentation
 */

export * from './registers';
export * from './provisioners';
export * from './permissions';
export * from './policy';
