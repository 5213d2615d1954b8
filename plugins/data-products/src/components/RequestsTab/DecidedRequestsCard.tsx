import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import type { KeysetList } from '../decisions/useKeysetList';

/**
 * What was decided on this product, newest first: the product's access
 * history, each row opening the request's timeline.
 */
export function DecidedRequestsCard(props: {
  list: KeysetList<AccessRequest>;
}) {
  return (
    <InfoCard title="Decided">
      <KeysetListView
        list={props.list}
        empty={<Typography>No request has been decided yet.</Typography>}
      >
        {items => (
          <AccessRequestTable
            label="Decided requests"
            requests={items}
            columns={[
              c.requester,
              c.subject,
              c.port,
              c.status,
              c.provisioningForOwners,
              c.decision,
              c.ended,
              c.endsAt,
            ]}
          />
        )}
      </KeysetListView>
    </InfoCard>
  );
}
