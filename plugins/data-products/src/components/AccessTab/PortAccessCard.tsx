import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  needsLegalBasis,
  type AccessRequest,
  type OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { ClassificationChip } from '../shared/ClassificationChip';
import { LabelledValue } from '../shared/LabelledValue';
import { describePersonalData } from '../shared/portDescriptions';
import { formatDate, humanDuration } from '../shared/dates';
import { RequestAccessForm } from './RequestAccessForm';
import { DEFAULT_DURATION } from './requestForm';
import type { SubjectOption } from './useViewer';

const subjectTypeNames = {
  user: 'people',
  group: 'groups',
  service: 'services',
};

function PortFacts(props: { port: OutputPort }) {
  const { port } = props;
  const maxDuration = port.access?.maxDuration;
  return (
    <Grid container spacing={2}>
      <Grid item xs={6} sm={4}>
        <LabelledValue label="Classification">
          <ClassificationChip classification={port.classification} />
        </LabelledValue>
      </Grid>
      <Grid item xs={6} sm={4}>
        <LabelledValue label="Personal data">
          {describePersonalData(port)}
        </LabelledValue>
      </Grid>
      <Grid item xs={6} sm={4}>
        <LabelledValue label="Approval">
          {port.access?.approval === 'auto'
            ? 'Granted at once'
            : 'The owners decide'}
        </LabelledValue>
      </Grid>
      <Grid item xs={6} sm={4}>
        <LabelledValue label="Longest access">
          {maxDuration
            ? humanDuration(maxDuration)
            : `Not limited by the port (form proposes ${humanDuration(
                DEFAULT_DURATION,
              )})`}
        </LabelledValue>
      </Grid>
      <Grid item xs={6} sm={4}>
        <LabelledValue label="For">
          {(port.access?.subjectTypes ?? ['user', 'group', 'service'])
            .map(t => subjectTypeNames[t])
            .join(', ')}
        </LabelledValue>
      </Grid>
    </Grid>
  );
}

/** What happened to the request just sent, in the words of the person who sent it. */
function CreatedAlert(props: { request: AccessRequest }) {
  const { request } = props;
  if (request.status === 'approved') {
    return (
      <Alert severity="success">
        Access to {request.outputPort} granted until{' '}
        {formatDate(request.endsAt)}.
      </Alert>
    );
  }
  return (
    <Alert severity="info">
      Request sent: waiting for the owners to decide. You see their decision
      under "Your access to this product".
    </Alert>
  );
}

/**
 * The viewer's requests for this port that wait for the owners: shown in
 * place of asking again (the backend would refuse a second one).
 */
function PendingAlert(props: {
  pending: AccessRequest[];
  subjects: SubjectOption[];
}) {
  const labelOf = (ref: string) =>
    props.subjects.find(s => s.ref === ref)?.label ?? ref;
  return (
    <Alert severity="info" style={{ marginTop: 16 }}>
      {props.pending.map(r => (
        <div key={r.id}>
          Your request for {labelOf(r.subjectRef)} of {formatDate(r.createdAt)}{' '}
          is waiting for the owners.
        </div>
      ))}
    </Alert>
  );
}

/** One output port: what access to it takes, and the form that asks for it. */
export function PortAccessCard(props: {
  entityRef: string;
  productTitle: string;
  port: OutputPort;
  subjects: SubjectOption[];
  /** The viewer's pending requests for this port. */
  pending?: AccessRequest[];
  onCreated: () => void;
}) {
  const { entityRef, port, subjects, onCreated, pending = [] } = props;
  const pendingRefs = pending.map(r => r.subjectRef);
  const allowed = port.access?.subjectTypes ?? ['user', 'group', 'service'];
  const canAskAgain = subjects.some(
    s => allowed.includes(s.type) && !pendingRefs.includes(s.ref),
  );
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<AccessRequest>();

  return (
    <InfoCard
      title={port.name}
      subheader={
        port.description ??
        (needsLegalBasis(port)
          ? 'Personal data: you name the processing activity you use it under'
          : undefined)
      }
    >
      <PortFacts port={port} />
      {created && !formOpen && <CreatedAlert request={created} />}
      {!created && !formOpen && pending.length > 0 && (
        <PendingAlert pending={pending} subjects={subjects} />
      )}
      {formOpen ? (
        <RequestAccessForm
          entityRef={entityRef}
          productTitle={props.productTitle}
          port={port}
          subjects={subjects}
          pendingSubjectRefs={pendingRefs}
          onClose={() => setFormOpen(false)}
          onCreated={request => {
            setCreated(request);
            setFormOpen(false);
            onCreated();
          }}
        />
      ) : (
        canAskAgain && (
          <Button
            variant="outlined"
            color="primary"
            style={{ marginTop: 16 }}
            aria-label={`Request access to ${port.name}`}
            onClick={() => setFormOpen(true)}
          >
            Request access
          </Button>
        )
      )}
    </InfoCard>
  );
}
