import { ReactNode } from 'react';
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
  RELATION_CONSUMES_DATA_PRODUCT,
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

function ProductTable({ products }: { products: DataProductEntityV1alpha1[] }) {
  return (
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
  );
}

/** The data products at the end of one kind of relation from the service. */
function useProducts(type: string) {
  const { entity } = useEntity();
  const { entities, loading, error } = useRelatedEntities(entity, { type });
  const products: DataProductEntityV1alpha1[] = (entities ?? []).filter(
    isDataProductEntity,
  );
  return { products, loading, error };
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2}>
      <Box px={2} pb={1}>
        <Typography variant="subtitle2" component="h3">
          {props.title}
        </Typography>
      </Box>
      {props.children}
    </Box>
  );
}

function Empty(props: { children: ReactNode }) {
  return (
    <Box px={2} pb={2}>
      <Typography variant="body2">{props.children}</Typography>
    </Box>
  );
}

/**
 * On a service's page: the data products it produces, and those it reads
 * (an active access grant, drawn by the catalog module as a relation).
 */
export function ProducedDataProductsCard() {
  const produced = useProducts(RELATION_PRODUCER_OF);
  const read = useProducts(RELATION_CONSUMES_DATA_PRODUCT);

  if (produced.loading || read.loading) {
    return (
      <InfoCard title="Data products">
        <Progress />
      </InfoCard>
    );
  }
  const error = produced.error ?? read.error;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard title="Data products" noPadding>
      <Section title="Produced by this service">
        {produced.products.length > 0 ? (
          <ProductTable products={produced.products} />
        ) : (
          <Empty>
            This service produces no data products yet. A data product names the
            services that produce it in <code>spec.producedBy</code> of its
            catalog-info.yaml.
          </Empty>
        )}
      </Section>
      <Section title="Data products this service reads">
        {read.products.length > 0 ? (
          <ProductTable products={read.products} />
        ) : (
          <Empty>
            This service holds no access grant to a data product. Ask for access
            on a data product&apos;s Access tab, for this service.
          </Empty>
        )}
      </Section>
    </InfoCard>
  );
}
