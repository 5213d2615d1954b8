import Typography from '@material-ui/core/Typography';
import {
  activityProblem,
  type ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { describeArt6, describeValidity } from './describeActivity';

/** One processing activity in the type-ahead: what it is, on what basis, and whether it can be used. */
export function ActivityOption(props: {
  activity: ProcessingActivity;
  needsArt9: boolean;
  now: Date;
}) {
  const { activity, needsArt9, now } = props;
  const problem = activityProblem(activity, now);
  return (
    <div>
      <Typography variant="body2">
        <strong>{activity.number}</strong> {activity.name}
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        {describeArt6(activity)} · {activity.status} · valid{' '}
        {describeValidity(activity)}
      </Typography>
      {problem && (
        <Typography variant="caption" color="error" display="block">
          Cannot be used: {problem}
        </Typography>
      )}
      {!problem && needsArt9 && !activity.art9Basis && (
        <Typography variant="caption" color="error" display="block">
          No Art. 9(2) basis
        </Typography>
      )}
    </div>
  );
}
