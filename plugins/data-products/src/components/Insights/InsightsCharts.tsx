import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { AccessMetrics } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { durationUnit, inUnit, monthLabel } from './formatMetrics';
import { shortName } from './shortName';

type Groups = AccessMetrics['groups'];

/** A chart in a card, named for assistive technology and tests. */
function ChartCard(props: {
  title: string;
  subheader?: string;
  height?: number;
  children: ReactNode;
}) {
  const height = props.height ?? 260;
  return (
    <InfoCard title={props.title} subheader={props.subheader}>
      <figure aria-label={props.title} style={{ margin: 0, height }}>
        {/* jsdom and the first paint have no size: start from a sensible one. */}
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 480, height }}
        >
          {props.children as any}
        </ResponsiveContainer>
      </figure>
    </InfoCard>
  );
}

/** Median and 90th percentile of the time to decision, per month. */
export function TimeToDecisionChart(props: { months: Groups }) {
  const theme = useTheme();
  const max = Math.max(
    0,
    ...props.months.map(m => m.figures.timeToDecision.p90Seconds ?? 0),
  );
  const unit = durationUnit(max);
  const data = props.months.map(m => ({
    month: monthLabel(m.key),
    median: inUnit(m.figures.timeToDecision.medianSeconds, unit),
    p90: inUnit(m.figures.timeToDecision.p90Seconds, unit),
  }));
  return (
    <ChartCard
      title="Time to decision per month"
      subheader={`Median and 90th percentile, in ${unit.label}; owner decisions only`}
    >
      <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis
          allowDecimals={false}
          unit={unit.label === 'days' ? ' d' : ' h'}
        />
        <Tooltip />
        <Legend itemSorter={null} />
        <Line
          type="monotone"
          dataKey="median"
          name="Median"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="p90"
          name="90th percentile"
          stroke={theme.palette.secondary.main}
          strokeDasharray="5 3"
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartCard>
  );
}

/** The share of owner decisions that were rejections, per month. */
export function RejectionShareChart(props: { months: Groups }) {
  const theme = useTheme();
  const data = props.months.map(m => ({
    month: monthLabel(m.key),
    share:
      m.figures.rejectionShare === null
        ? null
        : Math.round(m.figures.rejectionShare * 1000) / 10,
    rejected: m.figures.rejected,
    decided: m.figures.ownerDecided,
  }));
  return (
    <ChartCard
      title="Rejection share per month"
      subheader="Rejected out of the requests owners decided"
    >
      <BarChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis unit=" %" domain={[0, 100]} />
        <Tooltip
          formatter={(value, _name, item) => [
            `${value} % (${item.payload.rejected} of ${item.payload.decided})`,
            'Rejected',
          ]}
        />
        <Bar
          dataKey="share"
          name="Rejected"
          fill={theme.palette.error.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartCard>
  );
}

/** Requests created and decided per month: the volume behind the other charts. */
export function VolumeChart(props: { months: Groups }) {
  const theme = useTheme();
  const data = props.months.map(m => ({
    month: monthLabel(m.key),
    created: m.figures.created,
    approved: m.figures.approved,
    rejected: m.figures.rejected,
  }));
  return (
    <ChartCard
      title="Requests per month"
      subheader="Created, approved and rejected"
    >
      <BarChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend itemSorter={null} />
        <Bar
          dataKey="created"
          name="Created"
          fill={theme.palette.info.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="approved"
          name="Approved"
          fill={theme.palette.success.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="rejected"
          name="Rejected"
          fill={theme.palette.error.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartCard>
  );
}

/** Open requests per product now, the longest queues first (ten at most). */
export function QueueChart(props: { products: Groups }) {
  const theme = useTheme();
  const data = props.products
    .filter(p => p.figures.open > 0)
    .sort((a, b) => b.figures.open - a.figures.open)
    .slice(0, 10)
    .map(p => ({ product: shortName(p.key), open: p.figures.open }));
  if (data.length === 0) {
    return (
      <InfoCard
        title="Open requests per product"
        subheader="Waiting for a decision now; the ten longest queues"
      >
        <Typography color="textSecondary">
          Nothing waits for a decision.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <ChartCard
      title="Open requests per product"
      subheader="Waiting for a decision now; the ten longest queues"
    >
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 16, left: 24 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="product" width={140} />
        <Tooltip />
        <Bar
          dataKey="open"
          name="Open"
          fill={theme.palette.warning.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartCard>
  );
}
