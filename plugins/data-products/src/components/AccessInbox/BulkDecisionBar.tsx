import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ApproveDialog } from '../decisions/ApproveDialog';
import { RejectDialog } from '../decisions/ReasonDialog';

/** One decision for every selected request. */
export type BulkAction =
  | { action: 'approve'; reason?: string }
  | { action: 'reject'; reason: string };

/** "3 selected — Approve selected / Reject selected", with the dialogs that collect reasons. */
export function BulkDecisionBar(props: {
  count: number;
  onDecide: (action: BulkAction) => Promise<void>;
  onClear: () => void;
}) {
  const { count, onDecide } = props;
  const [open, setOpen] = useState<'approve' | 'reject'>();
  const what = count === 1 ? '1 request' : `${count} requests`;
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 8 }}
      mb={2}
      role="toolbar"
      aria-label="Bulk decisions"
    >
      <Typography>{count} selected</Typography>
      <Button
        variant="contained"
        color="primary"
        size="small"
        onClick={() => setOpen('approve')}
      >
        Approve selected
      </Button>
      <Button variant="outlined" size="small" onClick={() => setOpen('reject')}>
        Reject selected
      </Button>
      <Button size="small" onClick={props.onClear}>
        Clear selection
      </Button>
      <ApproveDialog
        open={open === 'approve'}
        title={`Approve ${what}`}
        onClose={() => setOpen(undefined)}
        onApprove={({ reason }) => onDecide({ action: 'approve', reason })}
      />
      <RejectDialog
        open={open === 'reject'}
        title={`Reject ${what}`}
        onClose={() => setOpen(undefined)}
        onConfirm={({ reason }) => onDecide({ action: 'reject', reason })}
      />
    </Box>
  );
}
