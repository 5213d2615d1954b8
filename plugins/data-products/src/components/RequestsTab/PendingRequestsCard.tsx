import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { PendingRequestActions } from '../decisions/RequestDecisionActions';
import type { KeysetList } from '../decisions/useKeysetList';

/** The requests for this product that wait for a decision, oldest first. */
export function PendingRequestsCard(props: {
  list: KeysetList<AccessRequest>;
  onDecided: () => void;
}) {
  return (
    <InfoCard title="Waiting for a decision">
      <KeysetListView
        list={props.list}
        empty={
          <Typography>Nothing waits for a decision on this product.</Typography>
        }
      >
        {items => (
          <AccessRequestTable
            label="Requests waiting for a decision"
            requests={items}
            columns={[
              c.requester,
              c.subject,
              c.port,
              c.purpose,
              c.legalBasis,
              c.endsAt,
              c.age,
            ]}
            actions={request => (
              <PendingRequestActions
                request={request}
                onDecided={props.onDecided}
              />
            )}
          />
        )}
      </KeysetListView>
    </InfoCard>
  );
}
