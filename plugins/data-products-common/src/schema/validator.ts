import { Entity, entitySchemaValidator } from '@backstage/catalog-model';
import schema from './DataProduct.v1alpha1.schema.json';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
} from '../entity/DataProductEntity';

/** The JSON schema of the DataProduct kind. @public */
export const dataProductEntityV1alpha1Schema = schema;

const validate = entitySchemaValidator(schema);

/**
 * Validates a DataProduct entity.
 *
 * Answers false for entities of another kind or apiVersion, so that the
 * catalog can offer them to other validators, and throws a TypeError naming
 * the offending field when a DataProduct does not match the schema.
 * @public
 */
export const dataProductEntityV1alpha1Validator = {
  async check(data: Entity): Promise<boolean> {
    if (data.apiVersion !== DATA_PRODUCT_API_VERSION) {
      return false;
    }
    if (data.kind !== DATA_PRODUCT_KIND) {
      return false;
    }
    return validate(data) === (data as DataProductEntityV1alpha1);
  },
};
