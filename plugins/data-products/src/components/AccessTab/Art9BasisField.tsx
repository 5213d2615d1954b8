import TextField from '@material-ui/core/TextField';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';

/**
 * The GDPR Art. 9(2) basis a special-category port needs, read from the
 * picked processing activity; nobody types it by hand.
 */
export function Art9BasisField(props: {
  id: string;
  activity?: ProcessingActivity;
}) {
  const { id, activity } = props;
  let value = '';
  let helperText =
    'This port holds special categories (GDPR Art. 9): the activity you pick must name an Art. 9(2) basis';
  if (activity?.art9Basis) {
    value = activity.art9Description
      ? `${activity.art9Description} (${activity.art9Basis})`
      : activity.art9Basis;
    helperText = `From ${activity.number}`;
  } else if (activity) {
    value = 'None';
    helperText = `${activity.number} names no Art. 9(2) basis`;
  }
  return (
    <TextField
      id={id}
      label="Art. 9(2) basis"
      value={value}
      placeholder="From the processing activity"
      variant="outlined"
      fullWidth
      error={Boolean(activity && !activity.art9Basis)}
      helperText={helperText}
      InputProps={{ readOnly: true }}
      InputLabelProps={{ shrink: true }}
    />
  );
}
