import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo, useState } from 'react';
import { saveCsv, toCsv } from '../shared/csv';
import {
  ProductRow,
  productColumns,
  SortOrder,
  sortRows,
} from './productColumns';

// Ten columns: narrow padding and no wrapping keep every figure on one line.
const compactCell = {
  whiteSpace: 'nowrap',
  paddingLeft: 6,
  paddingRight: 6,
} as const;

/** The CSV of the table as shown (same rows, same order). */
function productTableCsv(rows: ProductRow[], now: Date): string {
  return toCsv(
    productColumns.map(c => c.csvTitle),
    rows.map(row => productColumns.map(c => c.csv(row, now))),
  );
}

/**
 * The figures per data product, sortable by every column; each product links
 * to its page. "Download CSV" saves the table as sorted.
 */
export function ProductMetricsTable(props: {
  rows: ProductRow[];
  fileName: string;
}) {
  const [sort, setSort] = useState<{ id: string; order: SortOrder }>({
    id: 'created',
    order: 'desc',
  });
  const now = useMemo(() => new Date(), []);
  const column = productColumns.find(c => c.id === sort.id)!;
  const rows = useMemo(
    () => sortRows(props.rows, column, sort.order),
    [props.rows, column, sort.order],
  );
  const sortBy = (id: string) =>
    setSort(s =>
      s.id === id
        ? { id, order: s.order === 'asc' ? 'desc' : 'asc' }
        : { id, order: id === 'product' ? 'asc' : 'desc' },
    );

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<GetAppIcon />}
          onClick={() => saveCsv(productTableCsv(rows, now), props.fileName)}
        >
          Download CSV
        </Button>
      </Box>
      <Box overflow="auto">
        <Table size="small" aria-label="Figures per data product">
          <TableHead>
            <TableRow>
              {productColumns.map(c => (
                <TableCell
                  key={c.id}
                  align={c.id === 'product' ? 'left' : 'right'}
                  sortDirection={sort.id === c.id ? sort.order : false}
                  style={compactCell}
                >
                  <TableSortLabel
                    active={sort.id === c.id}
                    direction={sort.id === c.id ? sort.order : 'asc'}
                    onClick={() => sortBy(c.id)}
                  >
                    {c.title}
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.key}>
                {productColumns.map(c => (
                  <TableCell
                    key={c.id}
                    align={c.id === 'product' ? 'left' : 'right'}
                    style={compactCell}
                  >
                    {c.id === 'product' ? (
                      <EntityRefLink entityRef={row.key} />
                    ) : (
                      c.text(row, now)
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
}
