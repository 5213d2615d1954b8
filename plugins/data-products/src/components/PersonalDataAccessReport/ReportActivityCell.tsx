import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ReportActivity } from '@datamesh-governance/plugin-data-products-common';

/** "B123 Follow-up of young job seekers" */
function activityLabel(activity: ReportActivity): string {
  return [activity.number, activity.name].filter(Boolean).join(' ');
}

/** The processing activity with its GDPR bases and national law, linked to the register. */
export function ReportActivityCell(props: { activity: ReportActivity }) {
  const { activity } = props;
  const label = activityLabel(activity);
  const details = [
    activity.art6Basis && `Art. 6: ${activity.art6Basis}`,
    activity.art9Basis && `Art. 9: ${activity.art9Basis}`,
    activity.nationalLaw && `Law: ${activity.nationalLaw}`,
  ].filter(Boolean);
  return (
    <>
      {activity.link ? (
        <Link to={activity.link}>{label}</Link>
      ) : (
        <Typography variant="body2">{label}</Typography>
      )}
      {details.map(detail => (
        <Typography
          key={detail as string}
          variant="caption"
          display="block"
          color="textSecondary"
        >
          {detail}
        </Typography>
      ))}
    </>
  );
}
