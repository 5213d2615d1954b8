import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MetricsFigures } from '@datamesh-governance/plugin-data-products-common';
import { formatOldestAge, formatSeconds, formatShare } from './formatMetrics';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    margin: 0,
  },
  tile: { minWidth: 110 },
  value: { fontSize: '1.6rem', fontWeight: 500, margin: 0 },
}));

/** The headline figures, each a labelled value ("Open now: 3"). */
export function figureList(figures: MetricsFigures, now: Date) {
  return [
    { label: 'Requests', value: String(figures.created) },
    { label: 'Decided', value: String(figures.decided) },
    { label: 'Rejection share', value: formatShare(figures.rejectionShare) },
    {
      label: 'Median time to decision',
      value: formatSeconds(figures.timeToDecision.medianSeconds),
    },
    {
      label: '90th percentile',
      value: formatSeconds(figures.timeToDecision.p90Seconds),
    },
    { label: 'Open now', value: String(figures.open) },
    {
      label: 'Oldest open waiting',
      value: formatOldestAge(figures.oldestOpenCreatedAt, now),
    },
  ];
}

/** Figures as a row of tiles: a description list for assistive technology. */
export function FigureTiles(props: {
  figures: { label: string; value: string }[];
  label: string;
}) {
  const classes = useStyles();
  return (
    <Box component="dl" className={classes.list} aria-label={props.label}>
      {props.figures.map(f => (
        <div key={f.label} className={classes.tile}>
          <Typography component="dt" variant="caption" color="textSecondary">
            {f.label}
          </Typography>
          <Typography component="dd" className={classes.value}>
            {f.value}
          </Typography>
        </div>
      ))}
    </Box>
  );
}
