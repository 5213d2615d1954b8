import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AdrStatusChange } from '@datamesh-governance/plugin-governance-common';
import { decidedOn } from './decidedOn';

/** Each status the ADR had, oldest first: where the record starts, then each change. */
export function StatusTimeline(props: { items: AdrStatusChange[] }) {
  return (
    <Box component="ol" aria-label="Status history" paddingLeft={2.5}>
      {props.items.map(change => (
        <Typography component="li" variant="body2" key={change.sequence}>
          <strong>{decidedOn(change)}</strong>
          {' · '}
          {change.fromStatus
            ? `${change.fromStatus} → ${change.toStatus}`
            : `first seen as ${change.toStatus}`}
          <Typography component="span" variant="body2" color="textSecondary">
            {' '}
            (seen {new Date(change.seenAt).toLocaleString()})
          </Typography>
        </Typography>
      ))}
    </Box>
  );
}
