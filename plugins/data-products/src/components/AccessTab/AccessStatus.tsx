import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { AccessRequestStatus } from '@datamesh-governance/plugin-data-products-common';

/** The status of a request in Backstage's status colours, worded for the person who asked. */
export function AccessStatus(props: { status: AccessRequestStatus }) {
  switch (props.status) {
    case 'pending':
      return <StatusPending>Pending</StatusPending>;
    case 'approved':
      return <StatusOK>Approved</StatusOK>;
    case 'rejected':
      return <StatusError>Rejected</StatusError>;
    case 'revoked':
      return <StatusError>Revoked</StatusError>;
    case 'expired':
      return <StatusWarning>Expired</StatusWarning>;
    default:
      return <StatusAborted>Cancelled</StatusAborted>;
  }
}
