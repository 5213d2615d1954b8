import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Opinion } from '@datamesh-governance/plugin-governance-common';
import { StanceChip } from '../Opinions/StanceChip';

/** The opinions a decision weighed, each as it stood at that moment. */
export function SnapshotList(props: { opinions: Opinion[] }) {
  if (props.opinions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nobody had given an opinion when it was decided.
      </Typography>
    );
  }
  return (
    <List aria-label="Opinions weighed">
      {props.opinions.map(opinion => (
        <ListItem
          key={opinion.authorRef}
          divider
          disableGutters
          alignItems="flex-start"
        >
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
                {new Date(opinion.updatedAt).toLocaleString()}
              </Typography>
            </Box>
            <Typography variant="body1" style={{ whiteSpace: 'pre-wrap' }}>
              {opinion.comment}
            </Typography>
          </Box>
        </ListItem>
      ))}
    </List>
  );
}
