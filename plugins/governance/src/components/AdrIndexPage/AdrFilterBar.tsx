import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import { AdrFilters } from './filterAdrs';

type Option = { value: string; label: string };

/**
 * Labels in the primary text colour: a shrunk label sits on the page's grey
 * background, where the theme's secondary text colour falls short of 4.5:1
 * contrast (axe: color-contrast).
 */
const useReadableLabel = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));

export type AdrFilterBarProps = {
  filters: AdrFilters;
  statuses: Option[];
  sources: Option[];
  policies: Option[];
  onChange: (key: keyof AdrFilters, value: string) => void;
};

/** Status, source and policy selects and a search box; the parent keeps them in the URL. */
export function AdrFilterBar(props: AdrFilterBarProps) {
  const { filters, onChange } = props;
  const classes = useReadableLabel();
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <Grid item xs={12} md={3}>
        <TextField
          id="adr-filter-q"
          label="Search title or policy"
          value={filters.q ?? ''}
          onChange={e => onChange('q', e.target.value)}
          fullWidth
          InputLabelProps={{ className: classes.label }}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
      </Grid>
      <FilterSelect
        id="adr-filter-status"
        label="Status"
        value={filters.status}
        options={props.statuses}
        onChange={value => onChange('status', value)}
      />
      <FilterSelect
        id="adr-filter-source"
        label="Source"
        value={filters.source}
        options={props.sources}
        onChange={value => onChange('source', value)}
      />
      <FilterSelect
        id="adr-filter-policy"
        label="Policy"
        value={filters.policy}
        options={props.policies}
        onChange={value => onChange('policy', value)}
      />
    </Grid>
  );
}

function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const classes = useReadableLabel();
  return (
    <Grid item xs={12} sm={4} md={3}>
      <TextField
        id={props.id}
        select
        label={props.label}
        value={props.value ?? ''}
        onChange={e => props.onChange(e.target.value)}
        fullWidth
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true, className: classes.label }}
      >
        <MenuItem value="">All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
}
