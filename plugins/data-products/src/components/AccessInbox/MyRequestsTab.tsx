import { EmptyState, LinkButton } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { dataProductsApiRef } from '../../api';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';
import { useKeysetList } from '../decisions/useKeysetList';

/** Where to look for data products. */
const CATALOG_OF_DATA_PRODUCTS = '/catalog?filters[kind]=dataproduct';

/** The requests the signed-in user made, newest first, with what was decided and why. */
export function MyRequestsTab() {
  const api = useApi(dataProductsApiRef);
  const list = useKeysetList(
    useCallback(
      (cursor?: string) => api.listRequests({ role: 'requester', cursor }),
      [api],
    ),
  );
  useAccessRequestsChanged(list.reload);
  return (
    <KeysetListView
      list={list}
      empty={
        <EmptyState
          missing="data"
          title="You have not requested access yet"
          description="Find a data product in the catalog and ask for access on its Access tab."
          action={
            <LinkButton
              to={CATALOG_OF_DATA_PRODUCTS}
              variant="contained"
              color="primary"
            >
              Find a data product
            </LinkButton>
          }
        />
      }
    >
      {items => (
        <AccessRequestTable
          label="My requests"
          requests={items}
          columns={[
            c.product,
            c.port,
            c.subject,
            c.status,
            c.endsAt,
            c.reason,
            c.requested,
          ]}
        />
      )}
    </KeysetListView>
  );
}
