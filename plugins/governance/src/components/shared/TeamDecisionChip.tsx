import Chip from '@material-ui/core/Chip';

/**
 * Marks a team's own ADR (read from an entity's repository, or a location
 * not configured as the forum's), so it is not taken for a forum policy.
 * The forum's ADRs carry no mark. `trust` is an `AdrTrust`, or whatever a
 * search document holds.
 */
export function TeamDecisionChip(props: { trust?: unknown }) {
  if (props.trust !== 'team') return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label="Team decision"
      title="A team's own decision, not a policy of the governance forum"
    />
  );
}
