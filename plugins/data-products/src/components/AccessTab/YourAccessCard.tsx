import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  AccessRequest,
  effectiveStatus,
} from '@datamesh-governance/plugin-data-products-common';
import { AccessStatus } from './AccessStatus';
import { ProvisioningCell } from '../decisions/ProvisioningCell';
import { CancelRequestButton } from './CancelRequestButton';
import { HistoryButton } from '../RequestHistory/HistoryButton';
import { openHistoryFromRow } from '../RequestHistory/openHistoryFromRow';
import { formatAge, formatDate } from '../shared/dates';
import { useResponsiveTable } from '../shared/useResponsiveTable';
import type { YourAccess } from './useYourAccess';
import type { Viewer } from './useViewer';

/** What the owners said: the reason of a rejection, a revocation or an approval. */
function reasonOf(request: AccessRequest): string | undefined {
  return request.closingReason ?? request.decisionReason;
}

function YourAccessRows(props: {
  requests: AccessRequest[];
  viewer: Viewer;
  onChange: () => void;
}) {
  const { requests, viewer, onChange } = props;
  const classes = useResponsiveTable();
  return (
    <div className={classes.scroll}>
      <Table
        size="small"
        aria-label="Your access to this product"
        className={classes.table}
      >
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

/**
 * "Your access to this product": the viewer's requests and the grants in
 * force for them, with the owners' reasons and a way to withdraw a pending one.
 */
export function YourAccessCard(props: { access: YourAccess; viewer: Viewer }) {
  const { viewer } = props;
  const { value, loading, error, retry } = props.access;

  let content;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value && loading) {
    content = <Progress />;
  } else if (!value || value.items.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        You have no requests for this product yet — request access to a port
        below.
      </Typography>
    );
  } else {
    content = (
      <>
        <YourAccessRows
          requests={value.items}
          viewer={viewer}
          onChange={retry}
        />
        {value.truncated && (
          <Typography variant="caption" color="textSecondary">
            Showing your 100 latest requests.
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Your access to this product"
      action={
        error && (
          <Button size="small" onClick={retry}>
            Try again
          </Button>
        )
      }
    >
      {content}
    </InfoCard>
  );
}
