import TextField from '@material-ui/core/TextField';
import { reasonRequiredSchema } from '@datamesh-governance/plugin-data-products-common';
import { useEffect, useState } from 'react';
import { DecisionDialog } from './DecisionDialog';

type ReasonDialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (body: { reason: string }) => Promise<void>;
};

/** A decision that needs a reason: confirm stays disabled until one is given. */
function ReasonDialog(
  props: ReasonDialogProps & { confirmLabel: string; helperText: string },
) {
  const { open } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);

  const parsed = reasonRequiredSchema.safeParse({ reason });
  const problem = parsed.success ? undefined : parsed.error.issues[0]?.message;

  return (
    <DecisionDialog
      open={open}
      title={props.title}
      confirmLabel={props.confirmLabel}
      confirmDisabled={!parsed.success}
      onClose={props.onClose}
      onConfirm={() =>
        parsed.success ? props.onConfirm(parsed.data) : Promise.resolve()
      }
    >
      <TextField
        id="decision-reason"
        label="Reason"
        required
        value={reason}
        onChange={e => setReason(e.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && Boolean(problem)}
        helperText={touched && problem ? problem : props.helperText}
        multiline
        minRows={2}
        fullWidth
        margin="normal"
      />
    </DecisionDialog>
  );
}

/** Reject a pending request; the requester reads the reason. */
export function RejectDialog(props: ReasonDialogProps) {
  return (
    <ReasonDialog
      {...props}
      confirmLabel="Reject"
      helperText="The requester sees this reason."
    />
  );
}

/** Revoke a grant before it expires; the grantee reads the reason. */
export function RevokeDialog(props: ReasonDialogProps) {
  return (
    <ReasonDialog
      {...props}
      confirmLabel="Revoke"
      helperText="The person who asked sees this reason."
    />
  );
}
