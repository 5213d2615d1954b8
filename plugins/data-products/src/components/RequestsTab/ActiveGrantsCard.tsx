import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { RevokeGrantAction } from '../decisions/RequestDecisionActions';
import type { KeysetList } from '../decisions/useKeysetList';

/** Who has access to this product now, and until when. */
export function ActiveGrantsCard(props: {
  list: KeysetList<AccessRequest>;
  onRevoked: () => void;
}) {
  return (
    <InfoCard title="Active grants">
      <KeysetListView
        list={props.list}
        empty={<Typography>Nobody has access to this product yet.</Typography>}
      >
        {items => (
          <AccessRequestTable
            label="Active grants"
            requests={items}
            columns={[
              c.subject,
              c.requester,
              c.port,
              c.legalBasis,
              c.expiry,
              c.provisioningForOwners,
            ]}
            actions={request => (
              <RevokeGrantAction
                request={request}
                onRevoked={props.onRevoked}
              />
            )}
          />
        )}
      </KeysetListView>
    </InfoCard>
  );
}
