import {
  CatalogCollatorEntityTransformer,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import {
  isDataProductEntity,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';

/**
 * What a search result shows of a port: its name, type, classification,
 * personal-data flags and access mode. Servers, contracts and terms stay out.
 * @public
 */
export type OutputPortSummary = Pick<
  OutputPort,
  'name' | 'type' | 'classification' | 'personalData'
> & { access?: { approval: 'required' | 'auto' } };

function summarise(port: OutputPort): OutputPortSummary {
  return {
    name: port.name,
    type: port.type,
    classification: port.classification,
    ...(port.personalData && {
      personalData: {
        directIdentifiers: Boolean(port.personalData.directIdentifiers),
        specialCategories: Boolean(port.personalData.specialCategories),
      },
    }),
    ...(port.access && { access: { approval: port.access.approval } }),
  };
}

/**
 * Wraps a catalog collator transformer: documents of DataProducts also get
 * `outputPorts` (see {@link OutputPortSummary}); other entities are left as
 * the wrapped transformer shapes them. Use it around your own transformer if
 * you have one, since the catalog collator takes only one.
 * @public
 */
export function withDataProductPorts(
  transformer: CatalogCollatorEntityTransformer = defaultCatalogCollatorEntityTransformer,
): CatalogCollatorEntityTransformer {
  return entity => {
    const document = transformer(entity);
    if (!isDataProductEntity(entity)) {
      return document;
    }
    return {
      ...document,
      outputPorts: (entity.spec.outputPorts ?? []).map(summarise),
    };
  };
}
