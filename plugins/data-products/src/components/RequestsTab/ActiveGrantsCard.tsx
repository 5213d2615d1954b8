import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { RevokeGrantAction } from '../decisions/RequestDecisionActions';
import type { KeysetList } from '../decisions/useKeysetList';
import { ExportGrantsButton } from './ExportGrantsButton';

/**
 * Who has access to this product now, under which processing activity and
 * until when; exportable as CSV.
 */
export function ActiveGrantsCard(props: {
  entityRef: string;
  list: KeysetList<AccessRequest>;
  onRevoked: () => void;
}) {
  return (
    <InfoCard
      title="Who has access"
      subheader="The grants in force now"
      action={<ExportGrantsButton entityRef={props.entityRef} />}
    >
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
