import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { FacetOption, FacetSelect } from './FacetSelect';
import {
  accessModeOptions,
  emptyFilters,
  hasFilters,
  ListFacet,
  MarketplaceFilters,
  personalDataOptions,
} from './marketplaceFilters';
import type { CatalogFacet } from './facetCounts';
import type { FacetValue } from './useDataProductFacets';

/** "team-benefits" for "group:team-benefits"; the value itself if it is no ref. */
function shortRef(value: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(value, { defaultKind }), {
      defaultKind,
    });
  } catch {
    return value;
  }
}

const facetLabels: Record<ListFacet, string> = {
  domain: 'Domain',
  owner: 'Owner',
  portType: 'Output port type',
  classification: 'Classification',
  personalData: 'Personal data',
  access: 'Access',
  lifecycle: 'Lifecycle',
};

const labelFor: Partial<Record<CatalogFacet, (value: string) => string>> = {
  domain: v => shortRef(v, 'domain'),
  owner: v => shortRef(v, 'group'),
};

/** The facet panel: catalog-derived values with counts, and the fixed ones. */
export function MarketplaceFacets(props: {
  filters: MarketplaceFilters;
  onChange: (filters: MarketplaceFilters) => void;
  values: Partial<Record<CatalogFacet, FacetValue[]>>;
  valuesError?: Error;
}) {
  const { filters, onChange, values } = props;
  const fromCatalog = (facet: CatalogFacet): FacetOption[] =>
    (values[facet] ?? []).map(({ value, count }) => ({
      value,
      count,
      label: labelFor[facet]?.(value) ?? value,
    }));
  const options: Record<ListFacet, FacetOption[]> = {
    domain: fromCatalog('domain'),
    owner: fromCatalog('owner'),
    portType: fromCatalog('portType'),
    classification: fromCatalog('classification'),
    personalData: personalDataOptions.map(o => ({ ...o })),
    access: accessModeOptions.map(o => ({ ...o })),
    lifecycle: fromCatalog('lifecycle'),
  };
  const order: ListFacet[] = [
    'domain',
    'owner',
    'portType',
    'classification',
    'personalData',
    'access',
    'lifecycle',
  ];
  return (
    <Box component="section" aria-label="Filters">
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="h6" component="h2">
          Filters
        </Typography>
        {hasFilters(filters) && (
          <Button size="small" onClick={() => onChange(emptyFilters)}>
            Clear all
          </Button>
        )}
      </Box>
      {props.valuesError && (
        <Typography variant="body2" color="error" role="alert">
          The catalog could not list the values to filter by.
        </Typography>
      )}
      {order.map(facet => (
        <FacetSelect
          key={facet}
          id={`data-product-facet-${facet}`}
          label={facetLabels[facet]}
          options={options[facet]}
          selected={filters[facet]}
          onChange={selected => onChange({ ...filters, [facet]: selected })}
        />
      ))}
    </Box>
  );
}
