import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  useEntity,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
  RELATION_PRODUCER_OF,
} from '@datamesh-governance/plugin-data-products-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ClassificationChip } from '../shared/ClassificationChip';

const columns: TableColumn<DataProductEntityV1alpha1>[] = [
  {
    title: 'Data product',
    highlight: true,
    render: product => <EntityRefLink entityRef={product} />,
  },
  {
    title: 'Owner',
    render: product => (
      <EntityRefLinks
        entityRefs={getEntityRelations(product, RELATION_OWNED_BY)}
        defaultKind="group"
      />
    ),
  },
  { title: 'Lifecycle', field: 'spec.lifecycle' },
  {
    title: 'Output ports',
    render: product => (
      <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {product.spec.outputPorts.map(port => (
          <Box
            key={port.name}
            display="flex"
            alignItems="center"
            style={{ gap: 4 }}
          >
            <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
              {port.name}
            </Typography>
            <ClassificationChip classification={port.classification} />
          </Box>
        ))}
      </Box>
    ),
  },
];

/** On a service's page: the data products it produces. */
export function ProducedDataProductsCard() {
  const { entity } = useEntity();
  const { entities, loading, error } = useRelatedEntities(entity, {
    type: RELATION_PRODUCER_OF,
  });

  if (loading) {
    return (
      <InfoCard title="Data products">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const products: DataProductEntityV1alpha1[] = (entities ?? []).filter(
    isDataProductEntity,
  );
  if (products.length === 0) {
    return (
      <InfoCard title="Data products">
        <Typography variant="body2">
          This service produces no data products yet. A data product names the
          services that produce it in <code>spec.producedBy</code> of its
          catalog-info.yaml.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Data products"
      subheader="Produced by this service"
      noPadding
    >
      <Table<DataProductEntityV1alpha1>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={products}
      />
    </InfoCard>
  );
}
