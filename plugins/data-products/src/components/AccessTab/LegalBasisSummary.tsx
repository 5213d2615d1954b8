import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { describeArt6, describeValidity } from './describeActivity';

/** The picked processing activity, with a link to its entry in the register. */
export function LegalBasisSummary(props: { activity: ProcessingActivity }) {
  const { activity } = props;
  const title = `${activity.number} ${activity.name}`;
  return (
    <Box
      component="section"
      aria-label="Picked processing activity"
      border={1}
      borderColor="divider"
      borderRadius={4}
      padding={1.5}
    >
      <Typography variant="subtitle2">
        {activity.link ? <Link to={activity.link}>{title}</Link> : title}
      </Typography>
      {activity.description && (
        <Typography variant="body2">{activity.description}</Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        Art. 6: {describeArt6(activity)}
        {activity.art6Basis && activity.art6Description
          ? ` (${activity.art6Basis})`
          : ''}
      </Typography>
      {activity.nationalLaw && (
        <Typography variant="body2" color="textSecondary">
          National law: {activity.nationalLaw}
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {activity.status}, valid {describeValidity(activity)}
      </Typography>
    </Box>
  );
}
