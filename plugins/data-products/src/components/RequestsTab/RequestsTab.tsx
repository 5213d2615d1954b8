import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  decidersOf,
  decidesOn,
  type DataProductEntityV1alpha1,
} from '@datamesh-governance/plugin-data-products-common';
import { useCallback } from 'react';
import { dataProductsApiRef } from '../../api';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';
import { useKeysetList } from '../decisions/useKeysetList';
import { useSignedInIdentity } from '../decisions/useSignedInIdentity';
import { ActiveGrantsCard } from './ActiveGrantsCard';
import { DecidedRequestsCard } from './DecidedRequestsCard';
import { NotADeciderNotice } from './NotADeciderNotice';
import { PendingRequestsCard } from './PendingRequestsCard';

/**
 * The owners' view of one data product: the queue of pending requests, the
 * decisions made, and the grants in force.
 */
export function RequestsTab() {
  const { entity } = useEntity<DataProductEntityV1alpha1>();
  const api = useApi(dataProductsApiRef);
  const entityRef = stringifyEntityRef(entity);

  const pending = useKeysetList(
    useCallback(
      (cursor?: string) =>
        api.listRequests({
          role: 'approver',
          entityRef,
          status: 'pending',
          sort: 'createdAt',
          order: 'asc',
          cursor,
        }),
      [api, entityRef],
    ),
  );
  const decided = useKeysetList(
    useCallback(
      // The API filters one status at a time; "every status but pending" is
      // filtered here, so a page may show fewer rows than it loaded.
      async (cursor?: string) => {
        const page = await api.listRequests({
          role: 'approver',
          entityRef,
          cursor,
        });
        return {
          ...page,
          items: page.items.filter(r => r.status !== 'pending'),
        };
      },
      [api, entityRef],
    ),
  );
  const grants = useKeysetList(
    useCallback(
      (cursor?: string) => api.listGrants({ entityRef, cursor }),
      [api, entityRef],
    ),
  );

  // With nothing to show, tell who decides, unless the viewer is one of them
  // (this only shapes the page: the backend checks who may decide).
  const identity = useSignedInIdentity();
  const loaded = identity && !pending.loading && !decided.loading;
  const decidesNothing =
    loaded &&
    !entity.spec.outputPorts.some(port =>
      decidesOn(identity.ownershipEntityRefs, decidersOf(entity, port)),
    ) &&
    !pending.error &&
    !decided.error &&
    pending.items.length === 0 &&
    decided.items.length === 0 &&
    !decided.nextCursor;

  const refresh = () => {
    pending.reload();
    decided.reload();
    grants.reload();
  };
  useAccessRequestsChanged(refresh);

  return (
    <Grid container spacing={3}>
      {decidesNothing && (
        <Grid item xs={12}>
          <NotADeciderNotice entity={entity} />
        </Grid>
      )}
      {!decidesNothing && (
        <>
          <Grid item xs={12}>
            <PendingRequestsCard list={pending} onDecided={refresh} />
          </Grid>
          <Grid item xs={12}>
            <DecidedRequestsCard list={decided} />
          </Grid>
        </>
      )}
      <Grid item xs={12}>
        <ActiveGrantsCard
          entityRef={entityRef}
          list={grants}
          onRevoked={refresh}
        />
      </Grid>
    </Grid>
  );
}
