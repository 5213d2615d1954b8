import TextField from '@material-ui/core/TextField';
import { approveAccessRequestSchema } from '@datamesh-governance/plugin-data-products-common';
import { useEffect, useState } from 'react';
import { DecisionDialog } from './DecisionDialog';
import { utcDate } from '../shared/dates';

/** Body of an approval as the API takes it. */
export type Approval = { reason?: string; endsAt?: string };

/**
 * Approve with an optional reason and, when one request is approved, an
 * optional earlier end date (the API only lets owners shorten access).
 */
export function ApproveDialog(props: {
  open: boolean;
  /** "Approve access for Ada to decisions_v1" or "Approve 3 requests". */
  title: string;
  /** The end the requester asked for; omit in bulk, where ends differ. */
  requestedEndsAt?: string;
  onClose: () => void;
  onApprove: (approval: Approval) => Promise<void>;
}) {
  const { open, requestedEndsAt } = props;
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');

  useEffect(() => {
    if (open) {
      setReason('');
      setEndDate('');
    }
  }, [open]);

  const latest = requestedEndsAt ? utcDate(requestedEndsAt) : undefined;
  const earliest = utcDate(new Date(Date.now() + 24 * 60 * 60 * 1000));
  const endsAt =
    endDate && requestedEndsAt
      ? shortenTo(requestedEndsAt, endDate)
      : undefined;
  const dateProblem = dateProblemOf(endDate, earliest, latest);
  const body = {
    reason: reason.trim() || undefined,
    endsAt,
  };
  const valid =
    !dateProblem && approveAccessRequestSchema.safeParse(body).success;

  return (
    <DecisionDialog
      open={open}
      title={props.title}
      confirmLabel="Approve"
      confirmDisabled={!valid}
      onClose={props.onClose}
      onConfirm={() => props.onApprove(body)}
    >
      <TextField
        id="approve-reason"
        label="Reason (optional)"
        value={reason}
        onChange={e => setReason(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        margin="normal"
      />
      {latest && (
        <TextField
          id="approve-end-date"
          label="End access earlier (optional)"
          type="date"
          value={endDate}
          onChange={e => setEndDate(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: earliest, max: latest }}
          error={Boolean(dateProblem)}
          helperText={dateProblem ?? `Asked for until ${latest}`}
          fullWidth
          margin="normal"
        />
      )}
    </DecisionDialog>
  );
}

function dateProblemOf(date: string, earliest: string, latest?: string) {
  if (!date) return undefined;
  if (date < earliest) return 'Pick a day after today';
  if (latest && date > latest) {
    return `Approval can only shorten access: pick ${latest} or earlier`;
  }
  return undefined;
}

/** The chosen day at the requested end's time of day, so the last day is never longer than asked. */
function shortenTo(requestedEndsAt: string, date: string): string {
  const time = new Date(requestedEndsAt).toISOString().slice(10);
  return `${date}${time}`;
}
