import { Content, Header, Page } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { MarketplaceFacets } from './MarketplaceFacets';
import { FilterPanel } from './FilterPanel';
import { MarketplaceResults } from './MarketplaceResults';
import { TextSearchField } from './TextSearchField';
import {
  emptyFilters,
  facetParams,
  hasFilters,
  ListFacet,
} from './marketplaceFilters';
import { useDataProductFacets } from './useDataProductFacets';
import { useDataProductPage } from './useDataProductPage';
import { useMarketplaceFilters } from './useMarketplaceFilters';

/** The marketplace under the page header the new frontend system draws. */
export function MarketplacePageContent() {
  const { filters, setFilters } = useMarketplaceFilters();
  const facets = useDataProductFacets(filters);
  const page = useDataProductPage(filters);
  const activeFacets = (Object.keys(facetParams) as ListFacet[]).filter(
    facet => filters[facet].length > 0,
  ).length;
  return (
    <Content>
      <Grid container spacing={3} id="data-product-marketplace">
        <Grid item xs={12} md={4} lg={3}>
          <FilterPanel active={activeFacets}>
            <MarketplaceFacets
              filters={filters}
              onChange={setFilters}
              values={facets.value ?? {}}
              valuesError={facets.error}
            />
          </FilterPanel>
        </Grid>
        <Grid item xs={12} md={8} lg={9}>
          <Box mb={2}>
            <TextSearchField
              value={filters.text}
              onChange={text =>
                setFilters({ ...filters, text }, { replace: true })
              }
            />
          </Box>
          <MarketplaceResults
            loading={page.loading}
            error={page.error}
            items={page.items}
            totalItems={page.totalItems}
            filtered={hasFilters(filters)}
            onClearFilters={() => setFilters(emptyFilters)}
            next={page.next}
            previous={page.previous}
          />
        </Grid>
      </Grid>
    </Content>
  );
}

/** The marketplace as a full page, for apps on the legacy frontend system. */
export function MarketplacePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Data products"
        subtitle="Find data offered by other teams and ask for access"
      />
      <MarketplacePageContent />
    </Page>
  );
}
