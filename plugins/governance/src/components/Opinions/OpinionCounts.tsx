import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  OpinionSummary,
  opinionPerspectives,
  opinionStances,
} from '@datamesh-governance/plugin-governance-common';
import { stanceLabels } from './StanceChip';

/** Opinions per perspective the forum seats × stance. */
export function OpinionCounts(props: {
  counts: OpinionSummary['counts'];
  label?: string;
}) {
  return (
    <Table size="small" aria-label={props.label ?? 'Opinions by perspective'}>
      <TableHead>
        <TableRow>
          <TableCell component="th">Perspective</TableCell>
          {opinionStances.map(stance => (
            <TableCell key={stance} align="right">
              {stanceLabels[stance]}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {opinionPerspectives.map(perspective => (
          <TableRow key={perspective}>
            <TableCell component="th" scope="row">
              {perspective}
            </TableCell>
            {opinionStances.map(stance => (
              <TableCell key={stance} align="right">
                {props.counts[perspective]?.[stance] ?? 0}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
