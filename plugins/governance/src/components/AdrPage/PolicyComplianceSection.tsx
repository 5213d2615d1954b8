import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  Adr,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';

/** Each policy the ADR introduces, how many data products comply, and which do not. */
export function PolicyComplianceSection(props: { adr: Adr }) {
  const { adr } = props;
  const governanceApi = useApi(governanceApiRef);
  const { value, loading, error } = useAsync(
    () => governanceApi.listPolicies({ adrId: adr.id }),
    [governanceApi, adr.id],
  );

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    const checked = new Set(value.map(policy => policy.id));
    const unchecked = adr.policies.filter(policy => !checked.has(policy.id));
    body = (
      <>
        {value.length === 0 && unchecked.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            This decision introduces no policies the platform checks.
          </Typography>
        )}
        {value.map(policy => (
          <PolicyRow key={policy.id} policy={policy} />
        ))}
        {unchecked.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            Not checked by the platform yet:{' '}
            {unchecked.map(policy => policy.id).join(', ')}
          </Typography>
        )}
      </>
    );
  }
  const title =
    adr.status === 'proposed'
      ? 'Policies this proposal would introduce'
      : 'Policies this decision introduces';
  return <InfoCard title={title}>{body}</InfoCard>;
}

function PolicyRow(props: { policy: PolicyCompliance }) {
  const { policy } = props;
  const share =
    policy.total === 0 ? 100 : (policy.compliant / policy.total) * 100;
  // Not enforced yet: owners see what is coming, not a failure.
  const proposed = policy.enforcement === 'proposed';
  const failingLabel = proposed
    ? `Would fail if accepted: ${policy.title}`
    : `Failing ${policy.title}`;
  return (
    <Box component="section" marginBottom={3} aria-label={policy.title}>
      <Typography variant="h6" component="h3">
        {policy.title}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {policy.description}
      </Typography>
      <Box display="flex" alignItems="center" style={{ gap: 12 }}>
        <Box flexGrow={1}>
          <LinearProgress
            variant="determinate"
            value={share}
            aria-label={`${policy.title}: compliance`}
          />
        </Box>
        <Typography variant="body2">
          {policy.compliant} / {policy.total} data products comply
        </Typography>
      </Box>
      {policy.failing.length > 0 && proposed && (
        <Typography variant="subtitle2" component="p">
          {policy.failing.length === 1
            ? '1 data product would fail if accepted'
            : `${policy.failing.length} data products would fail if accepted`}
        </Typography>
      )}
      {policy.failing.length > 0 && (
        <List dense aria-label={failingLabel}>
          {policy.failing.map(failure => (
            <ListItem key={failure.entityRef} disableGutters>
              <ListItemText
                primary={
                  <EntityRefLink entityRef={failure.entityRef}>
                    {failure.title}
                  </EntityRefLink>
                }
                secondary={failure.message}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
