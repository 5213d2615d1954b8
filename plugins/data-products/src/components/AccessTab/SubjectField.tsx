import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { SubjectOption } from './useViewer';

/** Who gets access: the viewer, one of their groups, or a service they own. */
export function SubjectField(props: {
  id: string;
  options: SubjectOption[];
  /** Subjects whose request for this port waits already. */
  pendingRefs?: string[];
  value: string;
  onChange: (ref: string) => void;
  error?: string;
}) {
  const { id, options, value, onChange, error } = props;
  const none = options.length === 0;
  let helperText = error ?? 'Who will read the data';
  if (none) {
    helperText =
      'This port grants access only to subjects you have none of (see "For" above)';
  }
  return (
    <TextField
      id={id}
      select
      label="Access for"
      value={value}
      onChange={event => onChange(event.target.value)}
      variant="outlined"
      fullWidth
      required
      disabled={none}
      error={Boolean(error) || none}
      helperText={helperText}
    >
      {options.map(option => (
        <MenuItem
          key={option.ref}
          value={option.ref}
          disabled={props.pendingRefs?.includes(option.ref)}
        >
          {option.label}
          {props.pendingRefs?.includes(option.ref) && ' (request pending)'}
        </MenuItem>
      ))}
    </TextField>
  );
}
