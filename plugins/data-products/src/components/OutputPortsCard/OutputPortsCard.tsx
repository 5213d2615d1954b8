import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  isDataProductEntity,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import Typography from '@material-ui/core/Typography';
import { ClassificationChip } from '../shared/ClassificationChip';
import {
  describeAccess,
  describePersonalData,
  describeSla,
} from '../shared/portDescriptions';

const columns: TableColumn<OutputPort>[] = [
  {
    title: 'Port',
    field: 'name',
    highlight: true,
    render: port => (
      <>
        <Typography variant="body2">{port.name}</Typography>
        {port.description && (
          <Typography variant="caption" color="textSecondary">
            {port.description}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Type',
    render: port =>
      [port.type, port.version && `v${port.version}`, port.server?.type]
        .filter(Boolean)
        .join(' · '),
  },
  {
    title: 'Classification',
    render: port => <ClassificationChip classification={port.classification} />,
  },
  { title: 'Personal data', render: describePersonalData },
  { title: 'SLA', render: describeSla },
  {
    title: 'Contract',
    render: port =>
      port.contract ? (
        <Link to={port.contract.location}>contract</Link>
      ) : (
        '—'
      ),
  },
  { title: 'Access', render: describeAccess },
];

/** The output ports of the DataProduct on the current entity page. */
export function OutputPortsCard() {
  const { entity } = useEntity();
  if (!isDataProductEntity(entity)) {
    return null;
  }
  return (
    <InfoCard title="Output ports" noPadding>
      <Table<OutputPort>
        options={{ paging: false, search: false, toolbar: false, padding: 'dense' }}
        columns={columns}
        data={entity.spec.outputPorts}
      />
    </InfoCard>
  );
}
