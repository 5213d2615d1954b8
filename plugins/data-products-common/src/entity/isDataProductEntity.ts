import type { Entity } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_API_VERSION,
  DATA_PRODUCT_KIND,
  DataProductEntityV1alpha1,
} from './DataProductEntity';

/**
 * True for entities of kind DataProduct. Kept free of UI imports so that apps
 * can use it in entity filters without pulling the plugin's pages in.
 * @public
 */
export function isDataProductEntity(
  entity: Entity,
): entity is DataProductEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_PRODUCT_API_VERSION &&
    entity.kind.toLocaleLowerCase('en-US') === DATA_PRODUCT_KIND.toLowerCase()
  );
}

/** True when a port holds personal data, by its classification or its flags. @public */
export function holdsPersonalData(port: {
  classification: string;
  personalData?: { directIdentifiers?: boolean; specialCategories?: boolean };
}): boolean {
  return (
    port.classification === 'personal' ||
    port.classification === 'sensitive' ||
    Boolean(port.personalData?.directIdentifiers) ||
    Boolean(port.personalData?.specialCategories)
  );
}
