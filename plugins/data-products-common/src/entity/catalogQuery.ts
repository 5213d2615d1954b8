import type { FilterPredicate } from '@backstage/filter-predicates';
import { DATA_PRODUCT_KIND } from './DataProductEntity';

/** Which personal data a product's ports hold, as the marketplace offers it. @public */
export type PersonalDataFacet = 'none' | 'personal' | 'special';

/** How access to a port is given: at once, or by the owners' decision. @public */
export type AccessModeFacet = 'auto' | 'required';

/**
 * The marketplace's facets: values of one facet are alternatives, facets
 * narrow each other. The same in the marketplace page and the assistants'
 * `find-data-products` action. @public
 */
export type DataProductFacets = {
  domain?: string[];
  owner?: string[];
  portType?: string[];
  classification?: string[];
  lifecycle?: string[];
  personalData?: PersonalDataFacet[];
  access?: AccessModeFacet[];
};

// The catalog flattens arrays of objects, so `spec.outputPorts.type` holds the
// type of every port: a condition on it matches a product with any such port.
const PORTS = 'spec.outputPorts';

const holdsPersonalData: FilterPredicate = {
  $any: [
    { [`${PORTS}.classification`]: { $in: ['personal', 'sensitive'] } },
    { [`${PORTS}.personalData.directIdentifiers`]: 'true' },
    { [`${PORTS}.personalData.specialCategories`]: 'true' },
  ],
};

const personalDataPredicates: Record<PersonalDataFacet, FilterPredicate> = {
  none: { $not: holdsPersonalData },
  personal: holdsPersonalData,
  special: { [`${PORTS}.personalData.specialCategories`]: 'true' },
};

const accessPredicates: Record<AccessModeFacet, FilterPredicate> = {
  auto: { [`${PORTS}.access.approval`]: 'auto' },
  // A port without an access block needs the owner's approval.
  required: {
    $any: [
      { [`${PORTS}.access.approval`]: 'required' },
      { [`${PORTS}.access.approval`]: { $exists: false } },
    ],
  },
};

function oneOf(field: string, values?: string[]): FilterPredicate | undefined {
  // A computed key widens to an index signature, which TypeScript cannot
  // tell apart from the `$not` form.
  return values?.length
    ? ({ [field]: { $in: values } } as FilterPredicate)
    : undefined;
}

function anyOf(predicates: FilterPredicate[]): FilterPredicate | undefined {
  if (predicates.length === 0) return undefined;
  return predicates.length === 1 ? predicates[0] : { $any: predicates };
}

/**
 * The catalog query for DataProducts matching the facets, for the catalog
 * to evaluate (`queryEntities({ query })`), so that a page of results never
 * needs the whole catalog. @public
 */
export function dataProductCatalogQuery(
  facets: DataProductFacets,
): FilterPredicate {
  const conditions = [
    { kind: DATA_PRODUCT_KIND },
    oneOf('spec.domain', facets.domain),
    oneOf('spec.owner', facets.owner),
    oneOf(`${PORTS}.type`, facets.portType),
    oneOf(`${PORTS}.classification`, facets.classification),
    oneOf('spec.lifecycle', facets.lifecycle),
    anyOf((facets.personalData ?? []).map(v => personalDataPredicates[v])),
    anyOf((facets.access ?? []).map(v => accessPredicates[v])),
  ].filter((c): c is FilterPredicate => c !== undefined);
  return conditions.length === 1 ? conditions[0] : { $all: conditions };
}

/** Where a text search of data products looks: names, descriptions, ports. @public */
export const DATA_PRODUCT_TEXT_FIELDS = [
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'spec.purpose',
  `${PORTS}.name`,
  `${PORTS}.description`,
];
