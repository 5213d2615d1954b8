import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  DATA_PRODUCT_KIND,
  type DataProductEntityV1alpha1,
} from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { classifications, InsightsFilter } from './insightsFilter';

type Option = { value: string; label: string };

/** A ref as the API filters by it; undefined when it cannot be read. */
function normalRef(ref: string | undefined, defaultKind: string) {
  if (!ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

function sortedOptions(values: Map<string, string>): Option[] {
  return [...values]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Products, owner groups and domains to pick from, read from the catalog. */
function useFilterOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: DATA_PRODUCT_KIND },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.owner',
        'spec.domain',
      ],
    });
    const products = new Map<string, string>();
    const owners = new Map<string, string>();
    const domains = new Map<string, string>();
    for (const entity of items as DataProductEntityV1alpha1[]) {
      products.set(
        stringifyEntityRef(entity),
        entity.metadata.title ?? entity.metadata.name,
      );
      const owner = normalRef(entity.spec?.owner, 'group');
      if (owner) owners.set(owner, parseEntityRef(owner).name);
      const domain = normalRef(entity.spec?.domain, 'domain');
      if (domain) domains.set(domain, parseEntityRef(domain).name);
    }
    return {
      products: sortedOptions(products),
      owners: sortedOptions(owners),
      domains: sortedOptions(domains),
    };
  }, [catalogApi]);
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const { value, options } = props;
  // A value from a shared link that the catalog no longer lists stays selectable.
  const known = !value || options.some(o => o.value === value);
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={value}
      onChange={e => props.onChange(e.target.value)}
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">{props.all}</MenuItem>
      {options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
      {!known && <MenuItem value={value}>{value}</MenuItem>}
    </TextField>
  );
}

function DayField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <TextField
      type="date"
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => e.target.value && props.onChange(e.target.value)}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
    />
  );
}

/** Period, product, owner group, domain and classification of the Insights page. */
export function InsightsFilters(props: {
  filter: InsightsFilter;
  onChange: (filter: InsightsFilter) => void;
}) {
  const { filter, onChange } = props;
  const options = useFilterOptions();
  const set = (key: keyof InsightsFilter) => (value: string) =>
    onChange({ ...filter, [key]: value });
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 16 }}
      mb={3}
      role="search"
      aria-label="Insights filters"
    >
      <DayField
        id="insights-from"
        label="From"
        value={filter.from}
        onChange={set('from')}
      />
      <DayField
        id="insights-to"
        label="To"
        value={filter.to}
        onChange={set('to')}
      />
      <FilterSelect
        label="Data product"
        all="All products"
        value={filter.product}
        options={options.value?.products ?? []}
        onChange={set('product')}
        id="insights-product"
      />
      <FilterSelect
        label="Owner group"
        all="All owners"
        value={filter.owner}
        options={options.value?.owners ?? []}
        onChange={set('owner')}
        id="insights-owner"
      />
      <FilterSelect
        label="Domain"
        all="All domains"
        value={filter.domain}
        options={options.value?.domains ?? []}
        onChange={set('domain')}
        id="insights-domain"
      />
      <FilterSelect
        label="Classification"
        all="Any classification"
        value={filter.classification}
        options={classifications.map(c => ({ value: c, label: c }))}
        onChange={set('classification')}
        id="insights-classification"
      />
    </Box>
  );
}
