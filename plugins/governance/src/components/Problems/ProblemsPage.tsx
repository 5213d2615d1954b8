import {
  Content,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  governanceProblemManagePermission,
  Problem,
  ProblemStatus,
} from '@datamesh-governance/plugin-governance-common';
import { useCallback, useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { governanceApiRef } from '../../api';
import { ProblemItem } from './ProblemItem';
import { RaiseProblemForm } from './RaiseProblemForm';

const PAGE_SIZE = 25;

/**
 * Problems a ground rule might solve: anyone raises and supports them, most
 * supported first; the forum links each to the ADR that answers it.
 */
export function ProblemsPage() {
  const governanceApi = useApi(governanceApiRef);
  const { allowed: canManage } = usePermission({
    permission: governanceProblemManagePermission,
  });
  const [status, setStatus] = useState<ProblemStatus>('open');
  const [raising, setRaising] = useState(false);
  const [raised, setRaised] = useState<Problem>();
  const [items, setItems] = useState<Problem[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();

  const [page, load] = useAsyncFn(
    async (cursor?: string) => {
      const result = await governanceApi.listProblems({
        status,
        limit: PAGE_SIZE,
        cursor,
      });
      setItems(previous =>
        cursor ? [...previous, ...result.items] : result.items,
      );
      setNextCursor(result.nextCursor);
      return result;
    },
    [governanceApi, status],
  );
  useEffect(() => {
    load();
  }, [load]);

  const replace = useCallback((problem: Problem) => {
    setItems(previous =>
      previous.map(p => (p.id === problem.id ? problem : p)),
    );
  }, []);

  const firstLoad = page.loading && items.length === 0;
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
            flexWrap="wrap"
            style={{ gap: 16 }}
          >
            <Typography variant="body1" style={{ maxWidth: 720 }}>
              Problems a ground rule might solve. Raise one, or support the ones
              you run into too: the forum takes up the most supported first and
              links each to the decision that answers it.
            </Typography>
            {!raising && (
              <Button
                variant="contained"
                color="primary"
                onClick={() => {
                  setRaised(undefined);
                  setRaising(true);
                }}
              >
                Raise a problem
              </Button>
            )}
          </Box>
        </Grid>
        {raising && (
          <Grid item xs={12} md={8}>
            <RaiseProblemForm
              onCancel={() => setRaising(false)}
              onRaised={problem => {
                setRaising(false);
                setRaised(problem);
                if (status === 'open') load();
                else setStatus('open');
              }}
            />
          </Grid>
        )}
        {raised && (
          <Grid item xs={12}>
            <Alert severity="success">
              Your problem “{raised.title}” is raised. Others can support it
              now.
            </Alert>
          </Grid>
        )}
        <Grid item xs={12}>
          <InfoCard title="Problems" noPadding>
            <Tabs
              value={status}
              onChange={(_event, value) => {
                setItems([]);
                setStatus(value);
              }}
              indicatorColor="primary"
              aria-label="Which problems"
            >
              <Tab value="open" label="Open" />
              <Tab value="closed" label="Closed" />
            </Tabs>
            <Box paddingX={2} paddingBottom={2}>
              {page.error && <ResponseErrorPanel error={page.error} />}
              {firstLoad && <Progress />}
              {!firstLoad && !page.error && items.length === 0 && (
                <EmptyState
                  missing="data"
                  title={
                    status === 'open'
                      ? 'No open problems'
                      : 'No closed problems'
                  }
                  description={
                    status === 'open'
                      ? 'Nobody has raised a problem yet. If something keeps going wrong between data products, raise it here.'
                      : 'The forum has not closed any problem yet.'
                  }
                />
              )}
              {items.length > 0 && (
                <List
                  aria-label={`${
                    status === 'open' ? 'Open' : 'Closed'
                  } problems`}
                >
                  {items.map(problem => (
                    <ProblemItem
                      key={problem.id}
                      problem={problem}
                      canManage={canManage}
                      onChanged={replace}
                    />
                  ))}
                </List>
              )}
              {nextCursor && (
                <Button
                  onClick={() => load(nextCursor)}
                  disabled={page.loading}
                >
                  {page.loading ? 'Loading…' : 'Show more problems'}
                </Button>
              )}
            </Box>
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
