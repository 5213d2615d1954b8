/**
 * Extension points of the governance backend, and its part of a permission
 * policy for adopters to compose into their own.
 *
 * @packageDocumentation
 */

export * from './policyChecks';
export * from './policy';
