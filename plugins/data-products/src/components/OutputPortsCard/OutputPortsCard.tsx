import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  isDataProductEntity,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Fragment, ReactNode } from 'react';
import { ClassificationChip } from '../shared/ClassificationChip';
import { LabelledValue } from '../shared/LabelledValue';
import {
  describeAccess,
  describePersonalData,
  describeSla,
} from '../shared/portDescriptions';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} md={3}>
      <LabelledValue label={props.label}>{props.children}</LabelledValue>
    </Grid>
  );
}

function PortDetails({ port }: { port: OutputPort }) {
  const technology = [port.type, port.server?.type].filter(Boolean).join(' · ');
  return (
    <Box paddingY={2} data-testid={`output-port-${port.name}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="h6" component="h3">
          {port.name}
        </Typography>
        {port.version && (
          <Typography variant="body2" color="textSecondary">
            v{port.version}
          </Typography>
        )}
        <Chip size="small" variant="outlined" label={technology} />
        <ClassificationChip classification={port.classification} />
      </Box>
      {port.description && (
        <Typography variant="body2" color="textSecondary">
          {port.description}
        </Typography>
      )}
      <Grid container spacing={1} style={{ marginTop: 4 }}>
        <Fact label="Personal data">{describePersonalData(port)}</Fact>
        <Fact label="SLA">{describeSla(port)}</Fact>
        <Fact label="Access">{describeAccess(port)}</Fact>
        <Fact label="Contract">
          {port.contract ? (
            <Link to={port.contract.location}>
              {port.contract.location.split('/').pop()}
            </Link>
          ) : (
            'None published'
          )}
        </Fact>
      </Grid>
    </Box>
  );
}

/** The output ports of the DataProduct on the current entity page. */
export function OutputPortsCard() {
  const { entity } = useEntity();
  if (!isDataProductEntity(entity)) {
    return null;
  }
  const ports = entity.spec.outputPorts;
  return (
    <InfoCard
      title="Output ports"
      subheader={`${ports.length} ${ports.length === 1 ? 'port' : 'ports'}`}
    >
      {ports.map((port, index) => (
        <Fragment key={port.name}>
          {index > 0 && <Divider />}
          <PortDetails port={port} />
        </Fragment>
      ))}
    </InfoCard>
  );
}
