import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { PersonalDataAccessRow } from '@datamesh-governance/plugin-data-products-common';
import { ProvisioningCell } from '../decisions/ProvisioningCell';
import { formatDate } from '../shared/dates';
import { ReportActivityCell } from './ReportActivityCell';

const headers = [
  'Data product',
  'Access for',
  'Requester',
  'Purpose',
  'Processing activity',
  'Approved',
  'Ends',
  'Provisioning now',
];

/** The grants of the report, one row each. */
export function ReportTable(props: { rows: PersonalDataAccessRow[] }) {
  return (
    <Table size="small" aria-label="Grants to personal data">
      <TableHead>
        <TableRow>
          {headers.map(h => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.requestId}>
            <TableCell>
              <EntityRefLink entityRef={row.entityRef} />
              <Typography variant="caption" display="block">
                {row.outputPort}
              </Typography>
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={row.subjectRef} defaultKind="user" />
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={row.requesterRef} defaultKind="user" />
            </TableCell>
            <TableCell>
              <Typography variant="body2">{row.purpose}</Typography>
            </TableCell>
            <TableCell>
              <ReportActivityCell activity={row.activity} />
            </TableCell>
            <TableCell>
              <Typography variant="body2">
                {formatDate(row.approvedAt)}
              </Typography>
              <Typography variant="caption" display="block">
                by{' '}
                <EntityRefLink entityRef={row.approvedBy} defaultKind="user" />
              </Typography>
            </TableCell>
            <TableCell>{formatDate(row.endsAt)}</TableCell>
            <TableCell>
              <ProvisioningCell
                request={{ id: row.requestId, provisioning: row.provisioning }}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
