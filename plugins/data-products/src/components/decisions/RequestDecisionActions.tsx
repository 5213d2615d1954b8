import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { dataProductsApiRef } from '../../api';
import { ApproveDialog } from './ApproveDialog';
import { DecisionButton } from './DecisionButton';
import { describeRequest } from './describeRequest';
import { RejectDialog, RevokeDialog } from './ReasonDialog';
import {
  separationOfDutiesReason,
  useSignedInIdentity,
} from './useSignedInIdentity';

/** Why the signed-in user may not decide; undefined when they may. */
function useBlockedReason(request: AccessRequest) {
  const identity = useSignedInIdentity();
  if (!identity) return 'Checking who you are…';
  return separationOfDutiesReason(identity, request);
}

/** Approve and reject buttons of a pending request, with their dialogs. */
export function PendingRequestActions(props: {
  request: AccessRequest;
  onDecided: (request: AccessRequest) => void;
}) {
  const { request, onDecided } = props;
  const api = useApi(dataProductsApiRef);
  const blocked = useBlockedReason(request);
  const [open, setOpen] = useState<'approve' | 'reject'>();
  const name = describeRequest(request);

  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      <DecisionButton
        label="Approve"
        ariaLabel={`Approve ${name}`}
        disabledReason={blocked}
        onClick={() => setOpen('approve')}
      />
      <DecisionButton
        label="Reject"
        ariaLabel={`Reject ${name}`}
        disabledReason={blocked}
        onClick={() => setOpen('reject')}
      />
      <ApproveDialog
        open={open === 'approve'}
        title={`Approve ${name}`}
        requestedEndsAt={request.endsAt}
        onClose={() => setOpen(undefined)}
        onApprove={async body => onDecided(await api.approve(request.id, body))}
      />
      <RejectDialog
        open={open === 'reject'}
        title={`Reject ${name}`}
        onClose={() => setOpen(undefined)}
        onConfirm={async body => onDecided(await api.reject(request.id, body))}
      />
    </Box>
  );
}

/** Revoke an active grant before it expires. */
export function RevokeGrantAction(props: {
  request: AccessRequest;
  onRevoked: (request: AccessRequest) => void;
}) {
  const { request, onRevoked } = props;
  const api = useApi(dataProductsApiRef);
  const blocked = useBlockedReason(request);
  const [open, setOpen] = useState(false);
  const name = describeRequest(request);

  return (
    <>
      <DecisionButton
        label="Revoke"
        ariaLabel={`Revoke ${name}`}
        disabledReason={blocked}
        onClick={() => setOpen(true)}
      />
      <RevokeDialog
        open={open}
        title={`Revoke ${name}`}
        onClose={() => setOpen(false)}
        onConfirm={async body => onRevoked(await api.revoke(request.id, body))}
      />
    </>
  );
}
