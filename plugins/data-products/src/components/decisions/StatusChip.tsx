import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { AccessRequestStatus } from '@datamesh-governance/plugin-data-products-common';

const useStyles = makeStyles(theme => ({
  pending: { backgroundColor: theme.palette.info.light },
  approved: { backgroundColor: theme.palette.success.light },
  rejected: { backgroundColor: theme.palette.error.light },
  revoked: { backgroundColor: theme.palette.error.light },
  cancelled: {},
  expired: {},
}));

/** Where an access request is in its life, coloured so that open ones stand out. */
export function StatusChip(props: { status: AccessRequestStatus }) {
  const classes = useStyles();
  return (
    <Chip size="small" label={props.status} className={classes[props.status]} />
  );
}
