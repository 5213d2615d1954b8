import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import { HistoryButton } from '../RequestHistory/HistoryButton';
import { openHistoryFromRow } from '../RequestHistory/openHistoryFromRow';
import { useResponsiveTable } from '../shared/useResponsiveTable';
import { describeRequest } from './describeRequest';
import { RequestColumn } from './requestColumns';

/** Row selection for bulk decisions; rows that may not be selected get a disabled box. */
export type RequestSelection = {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  isSelectable: (request: AccessRequest) => boolean;
};

/**
 * A table of access requests with the given columns, optional row actions and
 * optional selection. Plain MUI so that each row and checkbox has a readable name.
 * Every row opens the request's history.
 */
export function AccessRequestTable(props: {
  /** Names the table for assistive technology and tests. */
  label: string;
  requests: AccessRequest[];
  columns: RequestColumn[];
  actions?: (request: AccessRequest) => ReactNode;
  selection?: RequestSelection;
}) {
  const { requests, columns, actions, selection } = props;
  const classes = useResponsiveTable();
  const selectable = selection ? requests.filter(selection.isSelectable) : [];
  const allSelected =
    selectable.length > 0 &&
    selectable.every(r => selection?.selected.has(r.id));

  const toggle = (id: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.onChange(next);
  };

  return (
    <div className={classes.scroll}>
      <Table size="small" aria-label={props.label} className={classes.table}>
        <TableHead>
          <TableRow>
            {selection && (
              <TableCell padding="checkbox">
                <Checkbox
                  inputProps={{ 'aria-label': 'Select all on this page' }}
                  checked={allSelected}
                  indeterminate={!allSelected && selection.selected.size > 0}
                  disabled={selectable.length === 0}
                  onChange={() =>
                    selection.onChange(
                      new Set(allSelected ? [] : selectable.map(r => r.id)),
                    )
                  }
                />
              </TableCell>
            )}
            {columns.map(column => (
              <TableCell key={column.title}>{column.title}</TableCell>
            ))}
            <TableCell>Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map(request => (
            <TableRow
              key={request.id}
              aria-label={describeRequest(request)}
              hover
              style={{ cursor: 'pointer' }}
              onClick={openHistoryFromRow}
            >
              {selection && (
                <TableCell padding="checkbox">
                  <Checkbox
                    inputProps={{
                      'aria-label': `Select ${describeRequest(request)}`,
                    }}
                    checked={selection.selected.has(request.id)}
                    disabled={!selection.isSelectable(request)}
                    onChange={() => toggle(request.id)}
                  />
                </TableCell>
              )}
              {columns.map(column => (
                <TableCell key={column.title} data-label={column.title}>
                  {column.render(request)}
                </TableCell>
              ))}
              <TableCell>
                <Box
                  display="flex"
                  flexWrap="wrap"
                  alignItems="center"
                  style={{ gap: 8 }}
                >
                  <HistoryButton request={request} />
                  {actions?.(request)}
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
