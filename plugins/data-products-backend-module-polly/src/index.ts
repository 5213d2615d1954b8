/**
 * Reads the legal basis of access requests from a Polly-style HTTP register
 * of processing activities (GDPR Art. 30).
 *
 * @packageDocumentation
 */

export { dataProductsModulePolly as default } from './module';
export {
  PollyLegalBasisRegistry,
  type PollyLegalBasisRegistryOptions,
} from './PollyLegalBasisRegistry';
