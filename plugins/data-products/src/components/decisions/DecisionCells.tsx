import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import { SYSTEM_ACTOR } from '../RequestHistory/requestTimeline';
import { formatDate } from '../shared/dates';

function Reason(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <Typography variant="caption" display="block" color="textSecondary">
      {props.text}
    </Typography>
  );
}

function By(props: { verb: string; actorRef: string; reason?: string }) {
  let who: ReactNode = (
    <EntityRefLink entityRef={props.actorRef} defaultKind="user" />
  );
  if (props.actorRef === SYSTEM_ACTOR) who = 'the portal';
  return (
    <>
      <Typography variant="body2">
        {props.verb} by {who}
      </Typography>
      <Reason text={props.reason} />
    </>
  );
}

/**
 * How the owners decided, with their reason; a cancellation is the
 * requester's, not a decision. Never replaced by a later revocation.
 */
export function DecisionCell(props: { request: AccessRequest }) {
  const r = props.request;
  if (r.status === 'cancelled') {
    if (!r.closedBy || r.closedBy === r.requesterRef) {
      return (
        <>
          <Typography variant="body2">Cancelled by the requester</Typography>
          <Reason text={r.closingReason} />
        </>
      );
    }
    return (
      <By verb="Cancelled" actorRef={r.closedBy} reason={r.closingReason} />
    );
  }
  if (r.decidedBy) {
    const verb = r.status === 'rejected' ? 'Rejected' : 'Approved';
    return <By verb={verb} actorRef={r.decidedBy} reason={r.decisionReason} />;
  }
  if (r.status === 'expired') {
    return <Typography variant="body2">Expired before a decision</Typography>;
  }
  return <>—</>;
}

/** How granted access ended: revoked (by whom, why) or expired. */
export function EndedCell(props: { request: AccessRequest }) {
  const r = props.request;
  if (r.status === 'revoked' && r.closedBy) {
    return <By verb="Revoked" actorRef={r.closedBy} reason={r.closingReason} />;
  }
  if (r.status === 'expired' && r.decidedBy) {
    return (
      <Typography variant="body2">
        Expired {formatDate(r.closedAt ?? r.endsAt)}
      </Typography>
    );
  }
  return <>—</>;
}
