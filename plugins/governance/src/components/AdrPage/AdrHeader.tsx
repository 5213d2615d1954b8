import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { Adr } from '@datamesh-governance/plugin-governance-common';
import { rootRouteRef } from '../../routes';
import { AdrStatusChip } from '../shared/AdrStatusChip';
import { TeamDecisionChip } from '../shared/TeamDecisionChip';

/** What an ADR's date means: a proposal is not decided yet. */
function dateLabel(status: Adr['status']) {
  if (status === 'proposed') return 'Proposed';
  if (status === 'unknown') return 'Dated';
  return 'Decided';
}

/** `user:default/pia.platform` → `pia.platform`: the name people know. */
function humanizeUserRef(ref: string): string {
  return ref.replace(/^user:(default\/)?/i, '');
}

/** Title, status, whose decision it is, date, proposer, when opinions are due, deciders and where the file lives. */
export function AdrHeader(props: { adr: Adr }) {
  const { adr } = props;
  const indexRoute = useRouteRef(rootRouteRef);
  const facts = [
    adr.date && `${dateLabel(adr.status)} ${adr.date}`,
    adr.proposer && `by ${humanizeUserRef(adr.proposer)}`,
    // Only while opinions are still being collected.
    adr.status === 'proposed' &&
      adr.opinionsDue &&
      `Opinions due ${adr.opinionsDue}`,
    adr.deciders.length > 0 && `Deciders: ${adr.deciders.join(', ')}`,
  ].filter(Boolean);
  return (
    <Box marginBottom={3}>
      <Link to={indexRoute()}>
        <Box display="inline-flex" alignItems="center">
          <ArrowBackIcon fontSize="small" /> All decisions
        </Box>
      </Link>
      <Box display="flex" alignItems="center" marginTop={1} style={{ gap: 12 }}>
        <Typography variant="h4" component="h1">
          {adr.title}
        </Typography>
        <AdrStatusChip status={adr.status} title={adr.statusText} />
        <TeamDecisionChip trust={adr.trust} />
      </Box>
      {adr.statusText && adr.statusText !== adr.status && (
        <Typography variant="body2" color="textSecondary">
          {adr.statusText}
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {[...facts, adr.fileName].join(' · ')}
        {/* ADRs from a local folder have a relative path, not a link. */}
        {/^https?:\/\//i.test(adr.url) && (
          <>
            {' · '}
            <Link to={adr.url}>View source</Link>
          </>
        )}
      </Typography>
    </Box>
  );
}
