import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import {
  Opinion,
  OpinionRevision,
} from '@datamesh-governance/plugin-governance-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { governanceApiRef } from '../../api';
import { StanceChip } from './StanceChip';

/** Everyone's current opinion; earlier versions load on demand from the append-only history. */
export function OpinionList(props: { adrId: string; opinions: Opinion[] }) {
  const governanceApi = useApi(governanceApiRef);
  const [history, loadHistory] = useAsyncFn(
    () => governanceApi.getOpinionHistory(props.adrId),
    [governanceApi, props.adrId],
  );
  if (props.opinions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nobody has given an opinion yet.
      </Typography>
    );
  }
  return (
    <>
      {history.error && <ResponseErrorPanel error={history.error} />}
      <List aria-label="Opinions">
        {props.opinions.map(opinion => (
          <OpinionItem
            key={opinion.authorRef}
            opinion={opinion}
            history={history.value}
            onShowHistory={() => {
              if (!history.value && !history.loading) loadHistory();
            }}
          />
        ))}
      </List>
    </>
  );
}

function OpinionItem(props: {
  opinion: Opinion;
  history?: OpinionRevision[];
  onShowHistory: () => void;
}) {
  const { opinion } = props;
  const [showHistory, setShowHistory] = useState(false);
  const earlier = (props.history ?? [])
    .filter(
      r => r.authorRef === opinion.authorRef && r.revision < opinion.revision,
    )
    .sort((a, b) => b.revision - a.revision);
  const changes = opinion.revision - 1;

  return (
    <ListItem divider disableGutters alignItems="flex-start">
      <Box width="100%">
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <EntityRefLink entityRef={opinion.authorRef} defaultKind="user" />
          <StanceChip stance={opinion.stance} />
          <Typography variant="body2" color="textSecondary">
            as {opinion.perspective} ·{' '}
            {new Date(opinion.updatedAt).toLocaleDateString()}
            {changes > 0 &&
              ` · changed ${changes === 1 ? 'once' : `${changes} times`}`}
          </Typography>
          {changes > 0 && (
            <Button
              size="small"
              onClick={() => {
                props.onShowHistory();
                setShowHistory(shown => !shown);
              }}
            >
              {showHistory ? 'Hide earlier versions' : 'Show earlier versions'}
            </Button>
          )}
        </Box>
        <Typography variant="body1" style={{ whiteSpace: 'pre-wrap' }}>
          {opinion.comment}
        </Typography>
        {showHistory && earlier.length > 0 && (
          <Box
            marginLeft={2}
            marginTop={1}
            component="ol"
            aria-label="Earlier versions"
          >
            {earlier.map(revision => (
              <Typography
                component="li"
                variant="body2"
                key={revision.revision}
              >
                {new Date(revision.recordedAt).toLocaleDateString()}:{' '}
                {revision.stance} as {revision.perspective}: {revision.comment}
              </Typography>
            ))}
          </Box>
        )}
      </Box>
    </ListItem>
  );
}
