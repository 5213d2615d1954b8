import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { AdrStatus } from '@datamesh-governance/plugin-governance-common';

// Dark shades: white on the main ones falls short of 4.5:1 contrast (axe).
const useStyles = makeStyles(theme => ({
  proposed: {
    backgroundColor: theme.palette.info.dark,
    color: theme.palette.info.contrastText,
  },
  accepted: {
    backgroundColor: theme.palette.success.dark,
    color: theme.palette.success.contrastText,
  },
  rejected: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  // Retired and unreadable decisions step back visually.
  inactive: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.getContrastText(theme.palette.grey[500]),
  },
}));

/** An ADR's status as a coloured chip; the label carries the meaning, the colour only helps. */
export function AdrStatusChip(props: { status: AdrStatus; title?: string }) {
  const classes = useStyles();
  const className =
    props.status === 'proposed' ||
    props.status === 'accepted' ||
    props.status === 'rejected'
      ? classes[props.status]
      : classes.inactive;
  return (
    <Chip
      size="small"
      label={props.status}
      title={props.title}
      className={className}
    />
  );
}
