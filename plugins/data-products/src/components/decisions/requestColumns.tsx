import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import { DecisionCell, EndedCell } from './DecisionCells';
import { ExpiryText } from './ExpiryText';
import { LegalBasisCell } from './LegalBasisCell';
import { ProvisioningCell } from './ProvisioningCell';
import { StatusChip } from './StatusChip';
import { formatAge, formatDate } from '../shared/dates';

/** One column of an access request table. */
export type RequestColumn = {
  title: string;
  render: (request: AccessRequest) => ReactNode;
};

/** The columns access request tables pick from. */
export const requestColumns = {
  requester: {
    title: 'Requester',
    render: r => (
      <EntityRefLink entityRef={r.requesterRef} defaultKind="user" />
    ),
  },
  subject: {
    title: 'Access for',
    render: r => <EntityRefLink entityRef={r.subjectRef} defaultKind="user" />,
  },
  product: {
    title: 'Data product',
    render: r => <EntityRefLink entityRef={r.entityRef} />,
  },
  port: { title: 'Port', render: r => r.outputPort },
  purpose: {
    title: 'Purpose',
    render: r => <Typography variant="body2">{r.purpose}</Typography>,
  },
  legalBasis: {
    title: 'Legal basis',
    render: r => <LegalBasisCell legalBasis={r.legalBasis} />,
  },
  endsAt: { title: 'Until', render: r => formatDate(r.endsAt) },
  expiry: { title: 'Expires', render: r => <ExpiryText endsAt={r.endsAt} /> },
  age: { title: 'Waiting', render: r => formatAge(r.createdAt) },
  requested: { title: 'Requested', render: r => formatDate(r.createdAt) },
  status: { title: 'Status', render: r => <StatusChip status={r.status} /> },
  /** Approved or rejected by whom and why; cancelled by the requester. */
  decision: {
    title: 'Decision',
    render: r => <DecisionCell request={r} />,
  },
  /** A revocation or expiry after approval, as its own event. */
  ended: {
    title: 'Ended',
    render: r => <EndedCell request={r} />,
  },
  provisioning: {
    title: 'Provisioning',
    render: r => <ProvisioningCell request={r} />,
  },
  /** For the deciders: a failed one can be retried. */
  provisioningForOwners: {
    title: 'Provisioning',
    render: r => <ProvisioningCell request={r} canRetry />,
  },
  reason: {
    title: 'Reason',
    render: r => r.closingReason ?? r.decisionReason ?? '—',
  },
} satisfies Record<string, RequestColumn>;
