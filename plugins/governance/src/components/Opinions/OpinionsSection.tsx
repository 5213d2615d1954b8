import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Adr } from '@datamesh-governance/plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { OpinionCounts } from './OpinionCounts';
import { OpinionForm } from './OpinionForm';
import { OpinionList } from './OpinionList';

/** What the forum thinks of the ADR, and, while it is proposed, a form to say what you think. */
export function OpinionsSection(props: { adr: Adr }) {
  const { adr } = props;
  const governanceApi = useApi(governanceApiRef);
  const identityApi = useApi(identityApiRef);
  const summary = useAsyncRetry(
    () => governanceApi.getOpinions(adr.id),
    [governanceApi, adr.id],
  );
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );

  // Keep showing the last summary while a refresh after saving is under way.
  let body;
  if (summary.value && !identity.loading) {
    const { items, counts, open } = summary.value;
    const userRef = identity.value?.userEntityRef;
    const mine = items.find(opinion => opinion.authorRef === userRef);
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <OpinionCounts counts={counts} />
        </Grid>
        <Grid item xs={12} md={7}>
          {open ? (
            // Rendered once the user's current opinion is known, so it seeds the form.
            <OpinionForm
              adrId={adr.id}
              mine={mine}
              onRecorded={() => summary.retry()}
            />
          ) : (
            <Typography variant="body2" color="textSecondary">
              Opinions are closed because this decision is {adr.status}. Only
              proposed decisions take new opinions.
            </Typography>
          )}
        </Grid>
        <Grid item xs={12}>
          <OpinionList adrId={adr.id} opinions={items} />
        </Grid>
      </Grid>
    );
  } else if (summary.error) {
    body = <ResponseErrorPanel error={summary.error} />;
  } else {
    body = <Progress />;
  }
  return (
    <InfoCard title="Opinions">
      <Box>{body}</Box>
    </InfoCard>
  );
}
