import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Typography from '@material-ui/core/Typography';

/** The port's terms of use and the box that accepts them. */
export function TermsField(props: {
  terms?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const { terms, checked, onChange, error } = props;
  return (
    <FormControl error={Boolean(error)} required component="fieldset">
      <Typography variant="subtitle2" component="legend">
        Terms of use
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {terms ??
          'This port sets no terms of its own: use the data only for the purpose you give above.'}
      </Typography>
      <FormControlLabel
        control={
          <Checkbox
            checked={checked}
            onChange={event => onChange(event.target.checked)}
            color="primary"
          />
        }
        label="I accept the terms of use"
      />
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
