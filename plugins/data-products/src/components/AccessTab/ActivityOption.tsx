import Typography from '@material-ui/core/Typography';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import { activityProblem, describeValidity } from './activityProblem';

/** "Art. 6(1)(e) public task", or the bare code when the register gives no text. */
export function describeArt6(activity: ProcessingActivity): string {
  return activity.art6Description ?? activity.art6Basis ?? 'no Art. 6 basis';
}

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
