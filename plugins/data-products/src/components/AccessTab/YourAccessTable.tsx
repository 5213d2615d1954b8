import { parseEntityRef } from '@backstage/catalog-model';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  AccessRequest,
  effectiveStatus,
} from '@datamesh-governance/plugin-data-products-common';
import { ProvisioningCell } from '../decisions/ProvisioningCell';
import { HistoryButton } from '../RequestHistory/HistoryButton';
import { openHistoryFromRow } from '../RequestHistory/openHistoryFromRow';
import { formatAge, formatDate } from '../shared/dates';
import { useResponsiveTable } from '../shared/useResponsiveTable';
import { AccessStatus } from './AccessStatus';
import { CancelRequestButton } from './CancelRequestButton';
import type { Viewer } from './useViewer';

/** What the owners said: the reason of a rejection, a revocation or an approval. */
function reasonOf(request: AccessRequest): string | undefined {
  return request.closingReason ?? request.decisionReason;
}

/**
 * The viewer's requests as a table; a row opens the request's history, a
 * pending one of theirs can be withdrawn.
 */
export function YourAccessTable(props: {
  id?: string;
  label: string;
  requests: AccessRequest[];
  viewer: Viewer;
  onChange: () => void;
}) {
  const { requests, viewer, onChange } = props;
  const classes = useResponsiveTable();
  return (
    <div className={classes.scroll} id={props.id}>
      <Table size="small" aria-label={props.label} className={classes.table}>
        <TableHead>
          <TableRow>
            <TableCell>Port</TableCell>
            <TableCell>For</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Ends</TableCell>
            <TableCell>Owners' reason</TableCell>
            <TableCell>Requested</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map(request => {
            const status = effectiveStatus(request);
            return (
              <TableRow
                key={request.id}
                aria-label={`${request.outputPort} ${status}`}
                hover
                style={{ cursor: 'pointer' }}
                onClick={openHistoryFromRow}
              >
                <TableCell data-label="Port">{request.outputPort}</TableCell>
                <TableCell data-label="For">
                  {parseEntityRef(request.subjectRef).name}
                </TableCell>
                <TableCell data-label="Status">
                  <AccessStatus status={status} />
                  {request.provisioning && (
                    <ProvisioningCell request={request} />
                  )}
                </TableCell>
                <TableCell data-label="Ends">
                  {formatDate(request.endsAt)}
                </TableCell>
                <TableCell data-label="Owners' reason">
                  {reasonOf(request) ?? ''}
                </TableCell>
                <TableCell title={request.createdAt} data-label="Requested">
                  {formatAge(request.createdAt)}
                </TableCell>
                <TableCell>
                  <HistoryButton request={request} />
                  {status === 'pending' &&
                    request.requesterRef === viewer.userRef && (
                      <CancelRequestButton
                        request={request}
                        onCancelled={onChange}
                      />
                    )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
