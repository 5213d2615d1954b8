import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { MetricsFigures } from '@datamesh-governance/plugin-data-products-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Bar, BarChart, Tooltip, XAxis } from 'recharts';
import { dataProductsApiRef } from '../../api/DataProductsApi';
import { insightsRouteRef } from '../../routes';
import { FigureTiles } from '../Insights/FigureTiles';
import {
  formatOldestAge,
  formatSeconds,
  formatShare,
  monthLabel,
} from '../Insights/formatMetrics';
import { useOptionalRouteLink } from '../shared/useOptionalRouteLink';

const DAY = 86_400_000;
/** The card's window: the last 90 days, today included. */
const WINDOW_DAYS = 90;

function lastDays(now: Date) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    from: day(now.getTime() - (WINDOW_DAYS - 1) * DAY),
    to: day(now.getTime() + DAY),
  };
}

function cardFigures(figures: MetricsFigures, now: Date) {
  return [
    { label: 'Requests', value: String(figures.created) },
    { label: 'Approved', value: String(figures.approved) },
    { label: 'Rejection share', value: formatShare(figures.rejectionShare) },
    {
      label: 'Median time to decision',
      value: formatSeconds(figures.timeToDecision.medianSeconds),
    },
    { label: 'Open now', value: String(figures.open) },
    {
      label: 'Oldest open waiting',
      value: formatOldestAge(figures.oldestOpenCreatedAt, now),
    },
  ];
}

/**
 * A data product's own access figures of the last 90 days, with requests
 * per month; aggregates only, so everyone who sees the product sees it.
 */
export function InsightsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(dataProductsApiRef);
  const theme = useTheme();
  const now = useMemo(() => new Date(), []);
  const insightsLink = useOptionalRouteLink(insightsRouteRef);
  const metrics = useAsync(
    () => api.getMetrics({ ...lastDays(now), groupBy: 'month', entityRef }),
    [api, entityRef, now],
  );

  const deepLink = insightsLink
    ? {
        title: 'All insights',
        link: `${insightsLink}?${new URLSearchParams({ product: entityRef })}`,
      }
    : undefined;

  return (
    <InfoCard
      title="Access insights"
      subheader="Last 90 days"
      deepLink={deepLink}
    >
      {metrics.loading && <Progress />}
      {metrics.error && <ResponseErrorPanel error={metrics.error} />}
      {metrics.value &&
        metrics.value.totals.created === 0 &&
        metrics.value.totals.open === 0 && (
          <Typography color="textSecondary">
            Nobody asked for access in the last 90 days.
          </Typography>
        )}
      {metrics.value &&
        (metrics.value.totals.created > 0 || metrics.value.totals.open > 0) && (
          <>
            <FigureTiles
              label="Access figures of the last 90 days"
              figures={cardFigures(metrics.value.totals, now)}
            />
            <Box
              mt={2}
              component="figure"
              m={0}
              aria-label="Decisions per month"
            >
              <Typography variant="caption" color="textSecondary">
                Decisions per month: approved and rejected
              </Typography>
              <BarChart
                width={320}
                height={120}
                data={metrics.value.groups.map(g => ({
                  month: monthLabel(g.key),
                  approved: g.figures.approved,
                  rejected: g.figures.rejected,
                }))}
              >
                <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar
                  dataKey="approved"
                  name="Approved"
                  stackId="decided"
                  fill={theme.palette.success.main}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="rejected"
                  name="Rejected"
                  stackId="decided"
                  fill={theme.palette.error.main}
                  isAnimationActive={false}
                />
              </BarChart>
            </Box>
          </>
        )}
    </InfoCard>
  );
}
