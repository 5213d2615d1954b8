import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';
import { PortAccessCard } from './PortAccessCard';
import { useViewer, Viewer } from './useViewer';
import { useYourAccess } from './useYourAccess';
import { YourAccessCard } from './YourAccessCard';

function ownsProduct(entity: DataProductEntityV1alpha1, viewer: Viewer) {
  return (entity.relations ?? []).some(
    r => r.type === 'ownedBy' && viewer.ownershipRefs.includes(r.targetRef),
  );
}

function AccessTabContent(props: {
  entity: DataProductEntityV1alpha1;
  viewer: Viewer;
}) {
  const { entity, viewer } = props;
  const entityRef = stringifyEntityRef(entity);
  const access = useYourAccess(
    entityRef,
    viewer.subjects.map(s => s.ref),
  );
  // A decision by the owners shows here as soon as it is made.
  useAccessRequestsChanged(access.retry);
  const ports = entity.spec.outputPorts ?? [];

  return (
    <Grid container spacing={3}>
      {ownsProduct(entity, viewer) && (
        <Grid item xs={12}>
          <Alert severity="info">
            You own this product: you decide on other people's requests in the
            Requests tab. You can still ask for access here, for example for a
            service you own.
          </Alert>
        </Grid>
      )}
      <Grid item xs={12}>
        <YourAccessCard access={access} viewer={viewer} />
      </Grid>
      {ports.length === 0 && (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            This data product has no output ports yet, so there is nothing to
            ask access to. Its owners add them under spec.outputPorts.
          </Typography>
        </Grid>
      )}
      {ports.map(port => (
        <Grid item xs={12} md={6} key={port.name}>
          <PortAccessCard
            entityRef={entityRef}
            productTitle={entity.metadata.title ?? entity.metadata.name}
            port={port}
            subjects={viewer.subjects}
            pending={(access.value?.items ?? []).filter(
              r => r.outputPort === port.name && r.status === 'pending',
            )}
            onCreated={access.retry}
          />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The Access tab of a DataProduct: the viewer's own requests and grants, and
 * a request form per output port.
 */
export function AccessTab() {
  const { entity } = useEntity<DataProductEntityV1alpha1>();
  const viewer = useViewer();
  if (viewer.error) {
    return <ResponseErrorPanel error={viewer.error} />;
  }
  if (!viewer.value) {
    return <Progress />;
  }
  return <AccessTabContent entity={entity} viewer={viewer.value} />;
}
