import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { reportReadPermission } from '@datamesh-governance/plugin-data-products-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { personalDataAccessReportRouteRef } from '../../routes';
import { useOptionalRouteLink } from '../shared/useOptionalRouteLink';
import { FigureTiles, figureList } from './FigureTiles';
import {
  QueueChart,
  RejectionShareChart,
  TimeToDecisionChart,
  VolumeChart,
} from './InsightsCharts';
import { InsightsFilters } from './InsightsFilters';
import { InsightsFilter, readFilter, writeFilter } from './insightsFilter';
import { ProductMetricsTable } from './ProductMetricsTable';
import { useInsights } from './useInsights';

/** The link to the Art. 30 report, for those allowed to read it. */
function ReportLink() {
  const { allowed } = usePermission({ permission: reportReadPermission });
  const reportLink = useOptionalRouteLink(personalDataAccessReportRouteRef);
  if (!allowed || !reportLink) return null;
  return (
    <Box mb={2}>
      <Link to={reportLink}>
        Art. 30 report: who can read which personal data
      </Link>
    </Box>
  );
}

function InsightsBody(props: { filter: InsightsFilter }) {
  const { filter } = props;
  const insights = useInsights(filter);
  const now = useMemo(() => new Date(), []);

  if (insights.error) {
    return <ResponseErrorPanel error={insights.error} />;
  }
  if (insights.loading || !insights.value) {
    return <Progress />;
  }
  const { months, products } = insights.value;
  const { totals } = months;
  if (totals.created === 0 && totals.decided === 0 && totals.open === 0) {
    return (
      <EmptyState
        missing="data"
        title="No access requests in this period"
        description="Nobody asked for access to the selected data products between these dates, and none is waiting. Widen the period or clear a filter."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="In this period">
          <FigureTiles
            label="Figures for the period"
            figures={figureList(totals, now)}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <TimeToDecisionChart months={months.groups} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <RejectionShareChart months={months.groups} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <VolumeChart months={months.groups} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <QueueChart products={products.groups} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Per data product">
          <ProductMetricsTable
            rows={products.groups}
            fileName={`access-insights-${filter.from}-${filter.to}.csv`}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * How long access decisions take, how many are rejected and how long the
 * queue is; period and filters live in the URL.
 */
export function InsightsPageContent() {
  const [params, setParams] = useSearchParams();
  const now = useMemo(() => new Date(), []);
  const filter = readFilter(params, now);
  const onChange = (next: InsightsFilter) =>
    setParams(writeFilter(next, now), { replace: true });
  return (
    <Content>
      <ReportLink />
      <InsightsFilters filter={filter} onChange={onChange} />
      <InsightsBody filter={filter} />
    </Content>
  );
}

/** The Insights page with its own header, for apps on the legacy frontend system. */
export function InsightsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Access insights"
        subtitle="How long access decisions take, how many are rejected, and the queue"
      />
      <InsightsPageContent />
    </Page>
  );
}
