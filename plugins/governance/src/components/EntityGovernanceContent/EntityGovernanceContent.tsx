import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import { EntityCheck } from '@datamesh-governance/plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { adrRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  passed: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  wouldFail: { color: theme.palette.warning.dark },
}));

/** How a check reads: a proposed policy does not fail yet, it would fail if accepted. */
type Outcome = 'failed' | 'would-fail' | 'passed';

function outcomeOf(check: EntityCheck): Outcome {
  if (check.passed) return 'passed';
  return check.enforcement === 'proposed' ? 'would-fail' : 'failed';
}

const ORDER: Outcome[] = ['failed', 'would-fail', 'passed'];

/** How the ADR behind a policy is named: a decision no longer in force says so. */
const provenance: Record<string, { before: string; after?: string }> = {
  proposed: { before: 'Proposed in' },
  accepted: { before: 'Decided in' },
  deprecated: { before: 'Decided in', after: ' (deprecated)' },
  superseded: { before: 'Decided in', after: ' (superseded)' },
  rejected: { before: 'Rejected in' },
  unknown: { before: 'Recorded in' },
};
const provenanceOf = (status: string) =>
  provenance[status] ?? provenance.unknown;

function summary(checks: EntityCheck[]): string {
  const count = (outcome: Outcome) =>
    checks.filter(c => outcomeOf(c) === outcome).length;
  const current = checks.filter(c => c.enforcement !== 'proposed').length;
  const failed = count('failed');
  const wouldFail = count('would-fail');
  let text = `Fails ${failed} of ${current} policies`;
  if (current === 0) text = 'No policy applies yet';
  else if (failed === 0) text = `Passes all ${current} policies`;
  if (wouldFail === 0) return text;
  return `${text}; ${wouldFail} proposed ${
    wouldFail === 1 ? 'policy' : 'policies'
  } would fail if accepted`;
}

/** A data product's policy checks, failures first, each with the decision behind it. */
export function EntityGovernanceContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const governanceApi = useApi(governanceApiRef);
  const { value, loading, error } = useAsync(
    () => governanceApi.getEntityChecks(entityRef),
    [governanceApi, entityRef],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No policies apply to this data product"
        description="Policies come from the governance forum's accepted decisions; none of the checks the platform runs applies here."
      />
    );
  }
  const sorted = ORDER.flatMap(outcome =>
    value.filter(check => outcomeOf(check) === outcome),
  );
  return (
    <InfoCard title="Governance" subheader={summary(value)}>
      <List aria-label="Policy checks">
        {sorted.map(check => (
          <CheckItem key={check.policyId} check={check} />
        ))}
      </List>
    </InfoCard>
  );
}

function CheckItem(props: { check: EntityCheck }) {
  const { check } = props;
  const classes = useStyles();
  const adrRoute = useRouteRef(adrRouteRef);
  const outcome = outcomeOf(check);
  const className = {
    passed: classes.passed,
    failed: classes.failed,
    'would-fail': classes.wouldFail,
  }[outcome];
  return (
    <ListItem divider alignItems="flex-start">
      <ListItemIcon>
        {outcome === 'passed' && (
          <CheckCircleIcon className={className} aria-hidden />
        )}
        {outcome === 'failed' && (
          <ErrorIcon className={className} aria-hidden />
        )}
        {outcome === 'would-fail' && (
          <WarningIcon className={className} aria-hidden />
        )}
      </ListItemIcon>
      <ListItemText
        primary={
          <>
            <Typography component="span" variant="body1">
              {check.policy.title}
            </Typography>{' '}
            <Typography component="span" variant="body2" className={className}>
              {label(check)}
            </Typography>
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {check.message && <Box>{check.message}</Box>}
            {check.adrs.map(adr => (
              <Box key={adr.id}>
                {provenanceOf(adr.status).before}{' '}
                <Link to={adrRoute({ adrId: adr.id })}>{adr.title}</Link>
                {provenanceOf(adr.status).after}
              </Box>
            ))}
          </>
        }
      />
    </ListItem>
  );
}

function label(check: EntityCheck): string {
  if (check.enforcement === 'proposed') {
    return check.passed ? 'Passes the proposal' : 'Would fail if accepted';
  }
  if (check.passed) return 'Passed';
  if (check.enforcement !== 'enforced') return 'Fails, not enforced';
  // The date the platform's sweep first saw it fail, as ADR dates are shown.
  return check.failingSince
    ? `Failing since ${check.failingSince.slice(0, 10)}`
    : 'Failed';
}
