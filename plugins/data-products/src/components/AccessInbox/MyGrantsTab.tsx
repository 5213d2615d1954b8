import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { dataProductsApiRef } from '../../api';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';
import { useKeysetList } from '../decisions/useKeysetList';

/**
 * Access the signed-in user asked for and got, ending soonest first.
 * `GET /grants` lists every grant the caller may see, owners included, so
 * "mine" is the approved requests they made.
 */
export function MyGrantsTab() {
  const api = useApi(dataProductsApiRef);
  const list = useKeysetList(
    useCallback(
      (cursor?: string) =>
        api.listRequests({
          role: 'requester',
          status: 'approved',
          sort: 'endsAt',
          order: 'asc',
          cursor,
        }),
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
          title="You have no access yet"
          description="Approved requests appear here with the date the access ends."
        />
      }
    >
      {items => (
        <AccessRequestTable
          label="My grants"
          requests={items}
          columns={[
            c.product,
            c.port,
            c.subject,
            c.legalBasis,
            c.expiry,
            c.provisioning,
          ]}
        />
      )}
    </KeysetListView>
  );
}
