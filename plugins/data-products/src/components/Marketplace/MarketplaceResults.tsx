import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { DataProductCard } from './DataProductCard';

/** The cards of one page, or what to say instead of them. */
export function MarketplaceResults(props: {
  loading: boolean;
  error?: Error;
  items: DataProductEntityV1alpha1[];
  totalItems: number;
  filtered: boolean;
  onClearFilters: () => void;
  next?: () => void;
  previous?: () => void;
}) {
  const { loading, error, items, filtered } = props;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (loading) {
    return <Progress />;
  }
  if (items.length === 0) {
    return filtered ? (
      <EmptyState
        missing="data"
        title="No data products match"
        description="Try fewer filters or another search term."
        action={
          <Button
            variant="contained"
            color="primary"
            onClick={props.onClearFilters}
          >
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="content"
        title="No data products yet"
        description="A team offers a data product by adding an entity of kind DataProduct to its catalog-info.yaml."
      />
    );
  }
  return (
    <>
      <Typography variant="body2" role="status">
        {props.totalItems === 1
          ? '1 data product'
          : `${props.totalItems} data products`}
      </Typography>
      <Box mt={1}>
        <Grid
          container
          spacing={2}
          component="ul"
          aria-label="Data products"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map(product => (
            <Grid
              item
              xs={12}
              md={6}
              xl={4}
              key={stringifyEntityRef(product)}
              component="li"
            >
              <DataProductCard product={product} />
            </Grid>
          ))}
        </Grid>
      </Box>
      {(props.next || props.previous) && (
        <Box display="flex" justifyContent="flex-end" mt={2} style={{ gap: 8 }}>
          <Button disabled={!props.previous} onClick={props.previous}>
            Previous
          </Button>
          <Button disabled={!props.next} onClick={props.next}>
            Next
          </Button>
        </Box>
      )}
    </>
  );
}
