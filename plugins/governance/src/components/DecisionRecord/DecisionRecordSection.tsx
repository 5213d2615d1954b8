import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Adr } from '@datamesh-governance/plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { OpinionCounts } from '../Opinions/OpinionCounts';
import { decidedOn } from './decidedOn';
import { SnapshotList } from './SnapshotList';
import { StatusTimeline } from './StatusTimeline';

/**
 * How the ADR came to its status: the decision with the opinions it weighed,
 * as recorded when the portal saw it, and the status history. Proposed ADRs
 * show nothing here: their opinions are still open below.
 */
export function DecisionRecordSection(props: { adr: Adr }) {
  const { adr } = props;
  const governanceApi = useApi(governanceApiRef);
  const proposed = adr.status === 'proposed';
  const history = useAsync(
    async () =>
      proposed ? undefined : governanceApi.getAdrStatusHistory(adr.id),
    [governanceApi, adr.id, proposed],
  );

  if (proposed) return null;
  if (history.loading) return <Progress />;
  if (history.error) return <ResponseErrorPanel error={history.error} />;
  const items = history.value?.items ?? [];
  const decision = history.value?.decision;
  if (!decision?.snapshot) {
    // A first sighting alone says nothing the header does not.
    if (items.length < 2) return null;
    return (
      <InfoCard title="Status history">
        <StatusTimeline items={items} />
      </InfoCard>
    );
  }
  const weighed = decision.snapshot.opinions.length;
  return (
    <InfoCard
      title={`Decided on ${decidedOn(decision)} weighing ${weighed} ${
        weighed === 1 ? 'opinion' : 'opinions'
      }`}
      subheader={`${decision.fromStatus} → ${decision.toStatus}: the opinions as they stood when the portal saw the decision`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <OpinionCounts
            counts={decision.snapshot.counts}
            label="Opinions weighed by perspective"
          />
        </Grid>
        <Grid item xs={12} md={7}>
          <Typography variant="h6" component="h3">
            Status history
          </Typography>
          <StatusTimeline items={items} />
        </Grid>
        <Grid item xs={12}>
          <SnapshotList opinions={decision.snapshot.opinions} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
