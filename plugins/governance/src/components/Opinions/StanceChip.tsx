import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import ThumbUpIcon from '@material-ui/icons/ThumbUpOutlined';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import BlockIcon from '@material-ui/icons/Block';
import { OpinionStance } from '@datamesh-governance/plugin-governance-common';

export const stanceLabels: Record<OpinionStance, string> = {
  support: 'Support',
  concern: 'Concern',
  object: 'Object',
};

const useStyles = makeStyles(theme => ({
  support: { borderColor: theme.palette.success.main },
  concern: { borderColor: theme.palette.warning.main },
  object: { borderColor: theme.palette.error.main },
}));

const icons: Record<OpinionStance, JSX.Element> = {
  support: <ThumbUpIcon />,
  concern: <WarningIcon />,
  object: <BlockIcon />,
};

/** A stance with icon and word, so it reads without colour. */
export function StanceChip(props: { stance: OpinionStance }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={icons[props.stance]}
      label={stanceLabels[props.stance]}
      className={classes[props.stance]}
    />
  );
}
