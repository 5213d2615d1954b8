import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { DecisionRecordSection } from '../DecisionRecord/DecisionRecordSection';
import { OpinionsSection } from '../Opinions/OpinionsSection';
import { AdrHeader } from './AdrHeader';
import { AdrMarkdown } from './AdrMarkdown';
import { PolicyComplianceSection } from './PolicyComplianceSection';

/** One ADR: how it was decided, the decision, the policies it introduces and how far they are met, and the opinions on it. */
export function AdrPage() {
  const { adrId = '' } = useParams();
  const governanceApi = useApi(governanceApiRef);
  const {
    value: adr,
    loading,
    error,
  } = useAsync(() => governanceApi.getAdr(adrId), [governanceApi, adrId]);

  if (loading) {
    return (
      <Content>
        <Progress />
      </Content>
    );
  }
  if (error || !adr) {
    return (
      <Content>
        <ResponseErrorPanel error={error ?? new Error(`No ADR ${adrId}`)} />
      </Content>
    );
  }
  return (
    <Content>
      <AdrHeader adr={adr} />
      <Grid container spacing={3}>
        {adr.status !== 'proposed' && (
          <Grid item xs={12}>
            <DecisionRecordSection adr={adr} />
          </Grid>
        )}
        <Grid item xs={12} lg={8}>
          <InfoCard title="Decision">
            <AdrMarkdown adr={adr} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={4}>
          <PolicyComplianceSection adr={adr} />
        </Grid>
        <Grid item xs={12}>
          <OpinionsSection adr={adr} />
        </Grid>
      </Grid>
    </Content>
  );
}
