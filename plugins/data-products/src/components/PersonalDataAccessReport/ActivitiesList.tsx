import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { PersonalDataAccessReport } from '@datamesh-governance/plugin-data-products-common';

/** Each processing activity of the report with the ports it was used for. */
export function ActivitiesList(props: {
  activities: PersonalDataAccessReport['activities'];
}) {
  if (props.activities.length === 0) {
    return (
      <Typography color="textSecondary">
        No processing activity was in use at this date.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Processing activities and their ports">
      {props.activities.map(activity => (
        <ListItem
          key={`${activity.registerId}/${activity.activityId}`}
          alignItems="flex-start"
        >
          <ListItemText
            primary={activity.name}
            secondaryTypographyProps={{ component: 'div' }}
            secondary={activity.ports.map(port => (
              <div key={`${port.entityRef}/${port.outputPort}`}>
                <EntityRefLink entityRef={port.entityRef} /> / {port.outputPort}
              </div>
            ))}
          />
        </ListItem>
      ))}
    </List>
  );
}
