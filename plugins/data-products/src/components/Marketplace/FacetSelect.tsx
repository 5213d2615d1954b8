import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useReadableLabel } from '../shared/useReadableLabel';

export type FacetOption = { value: string; label: string; count?: number };

/** One facet: several values may be picked; any of them matches. */
export function FacetSelect(props: {
  id: string;
  label: string;
  options: FacetOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { id, label, options, selected, onChange } = props;
  const classes = useReadableLabel();
  const labelOf = (value: string) =>
    options.find(o => o.value === value)?.label ?? value;
  // A value in the URL that no product has any more stays visible and removable.
  const shown = [
    ...options,
    ...selected
      .filter(value => !options.some(o => o.value === value))
      .map(value => ({ value, label: value, count: 0 })),
  ];
  return (
    <TextField
      id={id}
      select
      fullWidth
      label={label}
      variant="outlined"
      size="small"
      margin="dense"
      value={selected}
      onChange={e => onChange(e.target.value as unknown as string[])}
      SelectProps={{
        multiple: true,
        displayEmpty: true,
        renderValue: value =>
          (value as string[]).length === 0
            ? 'All'
            : (value as string[]).map(labelOf).join(', '),
      }}
      InputLabelProps={{ shrink: true, className: classes.label }}
    >
      {shown.map(option => (
        <MenuItem key={option.value} value={option.value} dense>
          <Checkbox
            size="small"
            checked={selected.includes(option.value)}
            inputProps={{ 'aria-hidden': true }}
            tabIndex={-1}
          />
          <ListItemText
            primary={
              option.count === undefined
                ? option.label
                : `${option.label} (${option.count})`
            }
          />
        </MenuItem>
      ))}
    </TextField>
  );
}
