import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useReadableLabel } from '../shared/useReadableLabel';
import { ageOptions, ReviewFilter, sortOptions } from './reviewFilters';

const statuses = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'revoked',
] as const;

function FilterSelect(props: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  helperText?: string;
  children: ReactNode;
}) {
  const classes = useReadableLabel();
  return (
    <TextField
      // An id ties the label to the select, so it is named "Status pending".
      id={`review-filter-${props.label.toLowerCase().replace(/\W+/g, '-')}`}
      select
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      helperText={props.helperText}
      InputLabelProps={{ className: classes.label }}
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
    >
      {props.children}
    </TextField>
  );
}

/** Product, status, age and order of the "To review" list. */
export function ReviewFilters(props: {
  filter: ReviewFilter;
  onChange: (filter: ReviewFilter) => void;
}) {
  const { filter, onChange } = props;
  const catalogApi = useApi(catalogApiRef);
  const products = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: DATA_PRODUCT_KIND },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(e => ({
        ref: stringifyEntityRef(e),
        title: e.metadata.title ?? e.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);

  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
      <FilterSelect
        label="Data product"
        value={filter.entityRef}
        onChange={entityRef => onChange({ ...filter, entityRef })}
        helperText={
          products.error ? 'The catalog could not list products' : undefined
        }
      >
        <MenuItem value="">All products</MenuItem>
        {(products.value ?? []).map(p => (
          <MenuItem key={p.ref} value={p.ref}>
            {p.title}
          </MenuItem>
        ))}
        {filter.entityRef &&
          !products.value?.some(p => p.ref === filter.entityRef) && (
            <MenuItem value={filter.entityRef}>{filter.entityRef}</MenuItem>
          )}
      </FilterSelect>
      <FilterSelect
        label="Status"
        value={filter.status}
        onChange={status =>
          onChange({ ...filter, status: status as ReviewFilter['status'] })
        }
      >
        <MenuItem value="any">Any status</MenuItem>
        {statuses.map(s => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Age"
        value={filter.ageDays}
        onChange={days =>
          onChange({
            ...filter,
            ageDays: Number(days) as ReviewFilter['ageDays'],
          })
        }
      >
        {ageOptions.map(o => (
          <MenuItem key={o.days} value={o.days}>
            {o.label}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Order"
        value={filter.sort}
        onChange={sort =>
          onChange({ ...filter, sort: sort as ReviewFilter['sort'] })
        }
      >
        {sortOptions.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </FilterSelect>
    </Box>
  );
}
