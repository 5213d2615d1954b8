import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { dataProductsApiRef } from '../../api';

/** Withdraws a pending request after the person confirms it. */
export function CancelRequestButton(props: {
  request: AccessRequest;
  onCancelled: () => void;
}) {
  const { request, onCancelled } = props;
  const api = useApi(dataProductsApiRef);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cancel(request.id);
      setOpen(false);
      onCancelled();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        aria-label={`Cancel request for ${request.outputPort}`}
        onClick={() => setOpen(true)}
      >
        Cancel
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={`cancel-${request.id}`}
      >
        <DialogTitle id={`cancel-${request.id}`}>
          Cancel your request for {request.outputPort}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The owners will no longer see it. You can ask again later.
          </DialogContentText>
          {error && <Alert severity="error">{error.message}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            Keep it
          </Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={confirm}
            disabled={busy}
          >
            Cancel request
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
