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
import { EntityCheck } from '@datamesh-governance/plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { adrRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  passed: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
}));

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
  const failed = value.filter(check => !check.passed);
  const sorted = [...failed, ...value.filter(check => check.passed)];
  return (
    <InfoCard
      title="Governance"
      subheader={
        failed.length === 0
          ? `Passes all ${value.length} policies`
          : `Fails ${failed.length} of ${value.length} policies`
      }
    >
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
  return (
    <ListItem divider alignItems="flex-start">
      <ListItemIcon>
        {check.passed ? (
          <CheckCircleIcon className={classes.passed} aria-hidden />
        ) : (
          <ErrorIcon className={classes.failed} aria-hidden />
        )}
      </ListItemIcon>
      <ListItemText
        primary={
          <>
            <Typography component="span" variant="body1">
              {check.policy.title}
            </Typography>{' '}
            <Typography
              component="span"
              variant="body2"
              className={check.passed ? classes.passed : classes.failed}
            >
              {check.passed ? 'Passed' : 'Failed'}
            </Typography>
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {check.message && <Box>{check.message}</Box>}
            {check.adrs.map(adr => (
              <Box key={adr.id}>
                Decided in{' '}
                <Link to={adrRoute({ adrId: adr.id })}>{adr.title}</Link>
              </Box>
            ))}
          </>
        }
      />
    </ListItem>
  );
}
