import Typography from '@material-ui/core/Typography';
import { daysUntil, formatDate } from '../shared/dates';

/** Grants ending within this many days are emphasised so owners and users can act in time. */
const EXPIRY_WARNING_DAYS = 14;

function inWords(days: number): string {
  if (days < 1) return 'expires today';
  if (days === 1) return 'expires in 1 day';
  return `expires in ${days} days`;
}

/** "12 Mar 2025 · expires in 5 days", in warning colour when close. */
export function ExpiryText(props: { endsAt: string }) {
  const days = daysUntil(props.endsAt);
  const soon = days < EXPIRY_WARNING_DAYS;
  return (
    <>
      <Typography variant="body2">{formatDate(props.endsAt)}</Typography>
      <Typography
        variant="caption"
        color={soon ? 'error' : 'textSecondary'}
        style={soon ? { fontWeight: 'bold' } : undefined}
      >
        {inWords(days)}
      </Typography>
    </>
  );
}
