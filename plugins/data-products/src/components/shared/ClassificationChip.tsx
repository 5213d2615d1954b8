import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { DataClassification } from '@datamesh-governance/plugin-data-products-common';

const useStyles = makeStyles(theme => ({
  public: { backgroundColor: theme.palette.success.light },
  internal: { backgroundColor: theme.palette.info.light },
  personal: { backgroundColor: theme.palette.warning.light },
  // error.main under white text is 3.7:1; the dark shade reaches 5:1.
  sensitive: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.common.white,
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
