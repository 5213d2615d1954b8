import type { FilterPredicate } from '@backstage/filter-predicates';
import {
  AccessModeFacet,
  DATA_PRODUCT_TEXT_FIELDS,
  dataProductCatalogQuery,
  PersonalDataFacet,
} from '@datamesh-governance/plugin-data-products-common';

/** Which personal data a product's ports hold, as the facet offers it. */
export const personalDataOptions: ReadonlyArray<{
  value: PersonalDataFacet;
  label: string;
}> = [
  { value: 'none', label: 'No personal data' },
  { value: 'personal', label: 'Personal data' },
  { value: 'special', label: 'Special categories (Art. 9)' },
];

/** How access to a port is given. */
export const accessModeOptions: ReadonlyArray<{
  value: AccessModeFacet;
  label: string;
}> = [
  { value: 'auto', label: 'Automatic' },
  { value: 'required', label: 'Owner approval' },
];

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

/** The catalog query for the facets (the rule lives in -common, shared with the assistants' action). */
export function toCatalogQuery(filters: MarketplaceFilters): FilterPredicate {
  return dataProductCatalogQuery(filters);
}

/** Where the text search looks: names, descriptions and the ports' names. */
export const textSearchFields = DATA_PRODUCT_TEXT_FIELDS;
