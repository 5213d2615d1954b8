import { InputError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  dataProductEntityV1alpha1Validator,
} from '@datamesh-governance/plugin-data-products-common';
import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
} from '@backstage/catalog-model';

// The catalog's own checks of names, labels and refs, which the kind's JSON
// schema leaves to the catalog's entity policies.
const catalogFieldFormats = EntityPolicies.allOf([
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/**
 * The entity a template produced, checked as the catalog will check it: the
 * catalog's field formats and the DataProduct kind's schema, so that a
 * product the template lets through is one the catalog ingests.
 */
export async function dataProductFromInput(
  entity: unknown,
): Promise<DataProductEntityV1alpha1> {
  let isDataProduct: boolean;
  try {
    // The kind's validator answers false for other kinds and throws a
    // TypeError naming the field, e.g. "/spec must have required property
    // 'owner'"; the policies throw naming e.g. "metadata.name".
    isDataProduct = await dataProductEntityV1alpha1Validator.check(
      entity as Entity,
    );
    if (isDataProduct) {
      await catalogFieldFormats.enforce(entity as Entity);
    }
  } catch (error) {
    throw new InputError(
      `The data product is not valid: ${(error as Error).message}`,
    );
  }
  if (!isDataProduct) {
    throw new InputError(
      'The entity is not a data product: expected apiVersion datamesh/v1alpha1 and kind DataProduct',
    );
  }
  return entity as DataProductEntityV1alpha1;
}
