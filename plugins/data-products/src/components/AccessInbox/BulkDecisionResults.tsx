import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Alert from '@material-ui/lab/Alert';
import type {
  AccessRequest,
  BulkDecisionResult,
} from '@datamesh-governance/plugin-data-products-common';
import { describeRequest } from '../decisions/describeRequest';
import { StatusChip } from '../decisions/StatusChip';

/** The outcome of a bulk decision, with the requests as they were when selected. */
export type BulkOutcome = {
  results: BulkDecisionResult[];
  requests: Map<string, AccessRequest>;
};

/** Why an item failed, in words an owner can act on. */
function explain(result: Extract<BulkDecisionResult, { ok: false }>) {
  const hint: Record<number, string> = {
    403: 'you may not decide on it',
    404: 'it is gone or not yours to see',
    409: 'someone decided it first',
  };
  const why = hint[result.status];
  return why ? `${result.error} (${why})` : result.error;
}

/** Which items of a bulk decision succeeded and which failed, and why. */
export function BulkDecisionResults(props: {
  outcome: BulkOutcome;
  onDismiss: () => void;
}) {
  const { results, requests } = props.outcome;
  const failed = results.filter(r => !r.ok).length;
  const succeeded = results.length - failed;
  return (
    <Box mb={2}>
      <Alert
        severity={failed ? 'warning' : 'success'}
        action={<Button onClick={props.onDismiss}>Dismiss</Button>}
      >
        {succeeded} of {results.length} decided
        {failed ? `; ${failed} not decided` : ''}.
        <List dense aria-label="Bulk decision results">
          {results.map(result => {
            const request = requests.get(result.id);
            const name = request ? describeRequest(request) : result.id;
            return (
              <ListItem key={result.id} aria-label={name} disableGutters>
                {result.ok && (
                  <>
                    <ListItemText primary={name} />
                    <StatusChip status={result.request.status} />
                  </>
                )}
                {!result.ok && (
                  <ListItemText
                    primary={name}
                    secondary={`Not decided: ${explain(result)}`}
                  />
                )}
              </ListItem>
            );
          })}
        </List>
      </Alert>
    </Box>
  );
}
