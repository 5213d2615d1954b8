import type { FilterPredicate } from '@backstage/filter-predicates';
import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';

/** Which personal data a product's ports hold, as the facet offers it. */
export const personalDataOptions = [
  { value: 'none', label: 'No personal data' },
  { value: 'personal', label: 'Personal data' },
  { value: 'special', label: 'Special categories (Art. 9)' },
] as const;

/** How access to a port is given. */
export const accessModeOptions = [
  { value: 'auto', label: 'Automatic' },
  { value: 'required', label: 'Owner approval' },
] as const;

type PersonalDataFacet = (typeof personalDataOptions)[number]['value'];
type AccessModeFacet = (typeof accessModeOptions)[number]['value'];

/** What the marketplace shows; every field lives in the page's URL query. */
export type MarketplaceFilters = {
  text: string;
  domain: string[];
  owner: string[];
  portType: string[];
  classification: string[];
  personalData: PersonalDataFacet[];
  access: AccessModeFacet[];
  lifecycle: string[];
};

export type ListFacet = Exclude<keyof MarketplaceFilters, 'text'>;

/** The URL query parameter of each list facet; repeated for several values. */
export const facetParams: Record<ListFacet, string> = {
  domain: 'domain',
  owner: 'owner',
  portType: 'type',
  classification: 'classification',
  personalData: 'personalData',
  access: 'access',
  lifecycle: 'lifecycle',
};

const TEXT_PARAM = 'q';

export const emptyFilters: MarketplaceFilters = {
  text: '',
  domain: [],
  owner: [],
  portType: [],
  classification: [],
  personalData: [],
  access: [],
  lifecycle: [],
};

function onlyKnown<T extends string>(
  values: string[],
  options: readonly { value: T }[],
): T[] {
  return values.filter((v): v is T => options.some(o => o.value === v));
}

/** Reads the filters from a URL query; unknown values of fixed facets are dropped. */
export function filtersFromSearchParams(
  params: URLSearchParams,
): MarketplaceFilters {
  const all = (facet: ListFacet) =>
    params.getAll(facetParams[facet]).filter(Boolean);
  return {
    text: params.get(TEXT_PARAM) ?? '',
    domain: all('domain'),
    owner: all('owner'),
    portType: all('portType'),
    classification: all('classification'),
    personalData: onlyKnown(all('personalData'), personalDataOptions),
    access: onlyKnown(all('access'), accessModeOptions),
    lifecycle: all('lifecycle'),
  };
}

/** The URL query for the filters; empty facets leave no parameter behind. */
export function filtersToSearchParams(
  filters: MarketplaceFilters,
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.text.trim()) {
    params.set(TEXT_PARAM, filters.text);
  }
  for (const facet of Object.keys(facetParams) as ListFacet[]) {
    for (const value of filters[facet]) {
      params.append(facetParams[facet], value);
    }
  }
  return params;
}

export function hasFilters(filters: MarketplaceFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    (Object.keys(facetParams) as ListFacet[]).some(f => filters[f].length > 0)
  );
}

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

function oneOf(field: string, values: string[]): FilterPredicate | undefined {
  // A computed key widens to an index signature, which TypeScript cannot
  // tell apart from the `$not` form.
  return values.length > 0
    ? ({ [field]: { $in: values } } as FilterPredicate)
    : undefined;
}

function anyOf(predicates: FilterPredicate[]): FilterPredicate | undefined {
  if (predicates.length === 0) return undefined;
  return predicates.length === 1 ? predicates[0] : { $any: predicates };
}

/**
 * The catalog query for the facets: values of one facet are alternatives,
 * facets narrow each other. The catalog evaluates it, so a page of results
 * never needs the whole catalog in the browser.
 */
export function toCatalogQuery(filters: MarketplaceFilters): FilterPredicate {
  const conditions = [
    { kind: DATA_PRODUCT_KIND },
    oneOf('spec.domain', filters.domain),
    oneOf('spec.owner', filters.owner),
    oneOf(`${PORTS}.type`, filters.portType),
    oneOf(`${PORTS}.classification`, filters.classification),
    oneOf('spec.lifecycle', filters.lifecycle),
    anyOf(filters.personalData.map(v => personalDataPredicates[v])),
    anyOf(filters.access.map(v => accessPredicates[v])),
  ].filter((c): c is FilterPredicate => c !== undefined);
  return conditions.length === 1 ? conditions[0] : { $all: conditions };
}

/** Where the text search looks: names, descriptions and the ports' names. */
export const textSearchFields = [
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'spec.purpose',
  `${PORTS}.name`,
  `${PORTS}.description`,
];
