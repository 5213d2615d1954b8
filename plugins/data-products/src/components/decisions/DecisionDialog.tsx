import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useEffect, useState } from 'react';
import { errorMessage } from './errorMessage';

/** What every decision dialog shares: title, content, cancel and a confirm that awaits the call. */
export type DecisionDialogProps = {
  open: boolean;
  title: string;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onClose: () => void;
  /** Resolves when done; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  children: ReactNode;
};

export function DecisionDialog(props: DecisionDialogProps) {
  const { open, title, confirmLabel, confirmDisabled, onClose, onConfirm } =
    props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const titleId = `decision-dialog-${title.replace(/\W+/g, '-')}`;
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {props.children}
        {error && (
          <Alert severity="error" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={confirm}
          disabled={busy || confirmDisabled}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
