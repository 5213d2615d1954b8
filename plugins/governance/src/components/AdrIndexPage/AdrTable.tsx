import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { Adr, AdrSource } from '@datamesh-governance/plugin-governance-common';
import { adrRouteRef } from '../../routes';
import { AdrStatusChip } from '../shared/AdrStatusChip';
import { describeSource } from '../shared/describeSource';
import { TeamDecisionChip } from '../shared/TeamDecisionChip';

/** The ADRs that pass the filters, newest first until the reader sorts otherwise. */
export function AdrTable(props: {
  adrs: Adr[];
  sources: AdrSource[];
  total: number;
}) {
  const adrRoute = useRouteRef(adrRouteRef);
  const columns: TableColumn<Adr>[] = [
    {
      title: 'Decision',
      field: 'title',
      highlight: true,
      render: adr => <Link to={adrRoute({ adrId: adr.id })}>{adr.title}</Link>,
    },
    {
      title: 'Status',
      field: 'status',
      render: adr => (
        <AdrStatusChip status={adr.status} title={adr.statusText} />
      ),
    },
    { title: 'Date', field: 'date', defaultSort: 'desc' },
    {
      title: 'Deciders',
      field: 'deciders',
      sorting: false,
      render: adr => adr.deciders.join(', '),
    },
    {
      title: 'Policies',
      field: 'policies',
      sorting: false,
      render: adr => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {adr.policies.map(policy => (
            <Chip
              key={policy.id}
              size="small"
              variant="outlined"
              label={policy.id}
            />
          ))}
        </Box>
      ),
    },
    {
      title: 'Source',
      field: 'sourceId',
      render: adr => (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          {describeSource(props.sources, adr.sourceId)}
          <TeamDecisionChip trust={adr.trust} />
        </Box>
      ),
    },
  ];
  return (
    <Table<Adr>
      title={
        props.adrs.length === props.total
          ? `Decisions (${props.total})`
          : `Decisions (${props.adrs.length} of ${props.total})`
      }
      columns={columns}
      data={props.adrs}
      options={{
        search: false,
        paging: props.adrs.length > 20,
        pageSize: 20,
        padding: 'dense',
        // Draggable headers wrap each sort button in another button (axe:
        // nested-interactive); the columns have a fixed order anyway.
        draggable: false,
      }}
      emptyContent={<Box padding={2}>No decisions match these filters.</Box>}
    />
  );
}
