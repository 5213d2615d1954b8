import { stringify } from 'yaml';
import type { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';

/** The descriptor as people write it: YAML with a pointer to the kind's docs. */
export function dataProductYaml(product: DataProductEntityV1alpha1): string {
  return `# A data product: see the DataProduct kind (datamesh/v1alpha1)\n${stringify(
    product,
  )}`;
}
