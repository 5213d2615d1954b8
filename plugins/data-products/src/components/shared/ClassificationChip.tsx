import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { DataClassification } from '@datamesh-governance/plugin-data-products-common';

const useStyles = makeStyles(theme => ({
  public: { backgroundColor: theme.palette.success.light },
  internal: { backgroundColor: theme.palette.info.light },
  personal: { backgroundColor: theme.palette.warning.light },
  sensitive: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
}));

/** A coloured chip so that sensitive ports stand out in a list. */
export function ClassificationChip(props: {
  classification: DataClassification;
}) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.classification}
      className={classes[props.classification]}
    />
  );
}
