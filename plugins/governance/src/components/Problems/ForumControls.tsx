import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Problem } from '@datamesh-governance/plugin-governance-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { messageOf } from './problemErrors';

type Change = (run: () => Promise<Problem>) => Promise<void>;

/**
 * The forum's controls on a problem: link the ADR that answers it, and
 * close it with a reason. Shown only to those the policy lets manage
 * problems; the backend refuses everyone else anyway.
 */
export function ForumControls(props: { problem: Problem; onChange: Change }) {
  const { problem } = props;
  const governanceApi = useApi(governanceApiRef);
  const [dialog, setDialog] = useState<'link' | 'close' | undefined>();
  return (
    <Box display="flex" style={{ gap: 8 }} flexWrap="wrap">
      <Button size="small" variant="outlined" onClick={() => setDialog('link')}>
        {problem.adr ? 'Change ADR' : 'Link ADR'}
      </Button>
      {problem.adr && (
        <Button
          size="small"
          onClick={() =>
            props.onChange(() => governanceApi.unlinkProblemAdr(problem.id))
          }
        >
          Unlink ADR
        </Button>
      )}
      {problem.status === 'open' && (
        <Button size="small" onClick={() => setDialog('close')}>
          Close
        </Button>
      )}
      {dialog === 'link' && (
        <LinkAdrDialog
          problem={problem}
          onDone={() => setDialog(undefined)}
          onChange={props.onChange}
        />
      )}
      {dialog === 'close' && (
        <CloseDialog
          problem={problem}
          onDone={() => setDialog(undefined)}
          onChange={props.onChange}
        />
      )}
    </Box>
  );
}

function LinkAdrDialog(props: {
  problem: Problem;
  onDone: () => void;
  onChange: Change;
}) {
  const governanceApi = useApi(governanceApiRef);
  const adrs = useAsync(() => governanceApi.listAdrs(), [governanceApi]);
  const [adrId, setAdrId] = useState(props.problem.adr?.id ?? '');
  const [error, setError] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!adrId) {
      setError('Choose the ADR that answers this problem');
      return;
    }
    try {
      await props.onChange(() =>
        governanceApi.linkProblemAdr(props.problem.id, adrId),
      );
      props.onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Dialog open onClose={props.onDone} aria-labelledby="link-adr-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="link-adr-title">
          Link the ADR that answers “{props.problem.title}”
        </DialogTitle>
        <DialogContent>
          <TextField
            id="problem-adr"
            select
            label="ADR"
            value={adrId}
            onChange={e => setAdrId(e.target.value)}
            error={!!error || !!adrs.error}
            helperText={
              error ?? (adrs.error ? 'The ADRs could not be listed' : undefined)
            }
            fullWidth
            margin="normal"
          >
            {(adrs.value?.items ?? []).map(adr => (
              <MenuItem key={adr.id} value={adr.id}>
                {adr.title} ({adr.status})
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onDone}>Cancel</Button>
          <Button type="submit" color="primary" variant="contained">
            Link ADR
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function CloseDialog(props: {
  problem: Problem;
  onDone: () => void;
  onChange: Change;
}) {
  const governanceApi = useApi(governanceApiRef);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why the forum closes it');
      return;
    }
    try {
      await props.onChange(() =>
        governanceApi.closeProblem(props.problem.id, reason.trim()),
      );
      props.onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Dialog open onClose={props.onDone} aria-labelledby="close-problem-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="close-problem-title">
          Close “{props.problem.title}”
        </DialogTitle>
        <DialogContent>
          <TextField
            id="problem-close-reason"
            label="Reason"
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={!!error}
            helperText={
              error ?? 'Shown with the problem, e.g. "Answered by ADR 0008".'
            }
            inputProps={{ maxLength: 1000 }}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            variant="outlined"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onDone}>Cancel</Button>
          <Button type="submit" color="primary" variant="contained">
            Close problem
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
