import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { LegalBasisCell } from '../decisions/LegalBasisCell';
import { StatusChip } from '../decisions/StatusChip';
import { LabelledValue } from '../shared/LabelledValue';
import { formatDate } from '../shared/dates';

/** What was asked for: product, port, for whom, why, on which basis, until when. */
export function RequestFacts(props: { request: AccessRequest }) {
  const { request } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={6}>
        <LabelledValue label="Data product">
          <EntityRefLink entityRef={request.entityRef} />
        </LabelledValue>
      </Grid>
      <Grid item xs={6}>
        <LabelledValue label="Port">{request.outputPort}</LabelledValue>
      </Grid>
      <Grid item xs={6}>
        <LabelledValue label="Access for">
          <EntityRefLink entityRef={request.subjectRef} defaultKind="user" />
        </LabelledValue>
      </Grid>
      <Grid item xs={6}>
        <LabelledValue label="Requester">
          <EntityRefLink entityRef={request.requesterRef} defaultKind="user" />
        </LabelledValue>
      </Grid>
      <Grid item xs={12}>
        <LabelledValue label="Purpose">{request.purpose}</LabelledValue>
      </Grid>
      <Grid item xs={12}>
        <LabelledValue label="Legal basis">
          <LegalBasisCell legalBasis={request.legalBasis} />
        </LabelledValue>
      </Grid>
      <Grid item xs={6}>
        <LabelledValue label="Status">
          <StatusChip status={request.status} />
        </LabelledValue>
      </Grid>
      <Grid item xs={6}>
        <LabelledValue label="Ends">{formatDate(request.endsAt)}</LabelledValue>
      </Grid>
    </Grid>
  );
}
