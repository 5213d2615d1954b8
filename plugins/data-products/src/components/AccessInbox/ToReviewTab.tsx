import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { useCallback, useMemo, useState } from 'react';
import { dataProductsApiRef } from '../../api';
import { AccessRequestTable } from '../decisions/AccessRequestTable';
import { KeysetListView } from '../decisions/KeysetListView';
import { requestColumns as c } from '../decisions/requestColumns';
import { PendingRequestActions } from '../decisions/RequestDecisionActions';
import { useAccessRequestsChanged } from '../decisions/useAccessRequestsChanged';
import { useKeysetList } from '../decisions/useKeysetList';
import {
  separationOfDutiesReason,
  useSignedInIdentity,
} from '../decisions/useSignedInIdentity';
import { BulkAction, BulkDecisionBar } from './BulkDecisionBar';
import { BulkDecisionResults, BulkOutcome } from './BulkDecisionResults';
import { ReviewFilters } from './ReviewFilters';
import { useSearchParams } from 'react-router-dom';
import {
  filterFromParams,
  isDefaultFilter,
  paramsFromFilter,
  ReviewFilter,
  toQuery,
} from './reviewFilters';

/** Requests for every product the signed-in user owns or approves for. */
export function ToReviewTab() {
  const api = useApi(dataProductsApiRef);
  const identity = useSignedInIdentity();
  // The filter lives in the URL: a reload, a shared link and back keep it.
  const [params, setParams] = useSearchParams();
  const paramsText = params.toString();
  const filter = useMemo(
    () => filterFromParams(new URLSearchParams(paramsText)),
    [paramsText],
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome>();

  // The age filter is relative to when the filter was chosen.
  const query = useMemo(() => toQuery(filter, new Date()), [filter]);
  const list = useKeysetList(
    useCallback(
      (cursor?: string) => api.listRequests({ ...query, cursor }),
      [api, query],
    ),
  );

  useAccessRequestsChanged(list.reload);

  const changeFilter = (next: ReviewFilter) => {
    setSelected(new Set());
    setParams(paramsFromFilter(next));
  };

  const decideSelected = async (bulk: BulkAction) => {
    const requests = new Map(
      list.items.filter(r => selected.has(r.id)).map(r => [r.id, r]),
    );
    const results = await api.decide({
      decisions: [...requests.keys()].map(id =>
        bulk.action === 'approve'
          ? { id, action: 'approve', reason: bulk.reason }
          : { id, action: 'reject', reason: bulk.reason },
      ),
    });
    setOutcome({ results, requests });
    setSelected(new Set());
    list.reload();
  };

  const isSelectable = (r: AccessRequest) =>
    r.status === 'pending' &&
    identity !== undefined &&
    !separationOfDutiesReason(identity, r);

  return (
    <>
      <ReviewFilters filter={filter} onChange={changeFilter} />
      {outcome && (
        <BulkDecisionResults
          outcome={outcome}
          onDismiss={() => setOutcome(undefined)}
        />
      )}
      {selected.size > 0 && (
        <BulkDecisionBar
          count={selected.size}
          onDecide={decideSelected}
          onClear={() => setSelected(new Set())}
        />
      )}
      <KeysetListView
        list={list}
        empty={
          isDefaultFilter(filter) ? (
            <EmptyState
              missing="data"
              title="Nothing waits for you"
              description="When someone asks for access to a data product you own or approve for, the request shows up here."
            />
          ) : (
            <Typography>
              No request matches these filters. Widen them to see more.
            </Typography>
          )
        }
      >
        {items => (
          <AccessRequestTable
            label="Requests to review"
            requests={items}
            columns={[
              c.product,
              c.port,
              c.requester,
              c.subject,
              c.purpose,
              c.legalBasis,
              c.endsAt,
              c.age,
              // Every row is pending under the default filter: the room goes
              // to the other columns, so the table fits a 1280 px window.
              ...(filter.status === 'pending' ? [] : [c.status]),
            ]}
            selection={{ selected, onChange: setSelected, isSelectable }}
            actions={request =>
              request.status === 'pending' ? (
                <PendingRequestActions
                  request={request}
                  onDecided={list.reload}
                />
              ) : null
            }
          />
        )}
      </KeysetListView>
    </>
  );
}
