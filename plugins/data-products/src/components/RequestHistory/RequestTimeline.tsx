import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import type { TimelineEvent } from './requestTimeline';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  event: {
    borderLeft: `2px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    paddingBottom: theme.spacing(2),
    position: 'relative',
    '&::before': {
      content: '""',
      position: 'absolute',
      left: -6,
      top: 4,
      width: 10,
      height: 10,
      borderRadius: '50%',
      backgroundColor: theme.palette.primary.main,
    },
  },
  reason: {
    marginTop: theme.spacing(0.5),
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
}));

/** "12 Mar 2027, 14:05" in the reader's locale and time zone. */
function formatInstant(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

/** A request's events, oldest first, each with who, when and why. */
export function RequestTimeline(props: { events: TimelineEvent[] }) {
  const classes = useStyles();
  if (props.events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events recorded for this request.
      </Typography>
    );
  }
  return (
    <ol className={classes.list} aria-label="Timeline">
      {props.events.map(event => (
        <li key={event.id} className={classes.event}>
          <Typography variant="subtitle2" component="p">
            {event.title}
          </Typography>
          <Typography variant="body2" color="textSecondary" component="p">
            {event.actorRef ? (
              <>
                by{' '}
                <EntityRefLink entityRef={event.actorRef} defaultKind="user" />
              </>
            ) : (
              'by the portal'
            )}
            {' · '}
            <time dateTime={event.at} title={event.at}>
              {formatInstant(event.at)}
            </time>
          </Typography>
          {event.reason && (
            <Typography variant="body2" className={classes.reason}>
              Reason: {event.reason}
            </Typography>
          )}
        </li>
      ))}
    </ol>
  );
}
