import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  endDateLimit,
  holdsSpecialCategories,
  needsLegalBasis,
  type AccessRequest,
  type OutputPort,
  type ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { dataProductsApiRef } from '../../api';
import { Art9BasisField } from './Art9BasisField';
import { utcDate } from '../shared/dates';
import { LegalBasisField } from './LegalBasisField';
import { LegalBasisSummary } from './LegalBasisSummary';
import {
  defaultEndDate,
  errorsFromResponse,
  RequestFormErrors,
  RequestFormField,
  RequestFormValues,
  validateRequestForm,
} from './requestForm';
import { SubjectField } from './SubjectField';
import { TermsField } from './TermsField';
import type { SubjectOption } from './useViewer';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'grid',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

const noErrors: RequestFormErrors = { fields: {}, form: [] };

/** The subject types a port grants access to; all of them when it does not say. */
function subjectsFor(port: OutputPort, subjects: SubjectOption[]) {
  const allowed = port.access?.subjectTypes ?? ['user', 'group', 'service'];
  return subjects.filter(s => allowed.includes(s.type));
}

/**
 * Asks for access to one output port. Checks with the shared schema before
 * sending, shows each problem (its own or the backend's) next to its field,
 * and keeps everything typed when something fails.
 */
export function RequestAccessForm(props: {
  entityRef: string;
  /** The data product's title, for messages. */
  productTitle: string;
  port: OutputPort;
  subjects: SubjectOption[];
  /** Subjects with a request for this port waiting already: not offered. */
  pendingSubjectRefs?: string[];
  onCreated: (request: AccessRequest) => void;
  onClose: () => void;
}) {
  const { entityRef, port, onCreated, onClose } = props;
  const classes = useStyles();
  const api = useApi(dataProductsApiRef);
  const formRef = useRef<HTMLFormElement>(null);
  // The form replaces the button that opened it: focus goes to its first
  // field, not back to the page's start (keyboard and screen reader users).
  useEffect(() => {
    formRef.current
      ?.querySelector<HTMLElement>(
        'input:not([tabindex="-1"]):not([disabled]), textarea, [tabindex="0"]',
      )
      ?.focus();
  }, []);
  const subjects = subjectsFor(port, props.subjects);
  const [values, setValues] = useState<RequestFormValues>(() => ({
    subjectRef:
      subjects.find(s => !props.pendingSubjectRefs?.includes(s.ref))?.ref ?? '',
    purpose: '',
    endsAt: defaultEndDate(port, new Date()),
    acceptTerms: false,
  }));
  const [errors, setErrors] = useState<RequestFormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  // One key per form fill: a double click or a retry cannot file two requests.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const now = new Date();
  const personal = needsLegalBasis(port);
  const special = holdsSpecialCategories(port);
  const limit = endDateLimit({ port, now, activity: values.legalBasis });
  const latestDay = limit && utcDate(limit.latest);
  // One form per port on the page: the port name keeps the ids unique.
  const id = (field: string) => `access-${port.name}-${field}`;

  const set = <F extends RequestFormField>(
    field: F,
    value: RequestFormValues[F],
  ) => {
    setValues(v => ({ ...v, [field]: value }));
    setErrors(e => ({ fields: { ...e.fields, [field]: undefined }, form: [] }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateRequestForm({
      entityRef,
      port,
      values,
      now: new Date(),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSubmitting(true);
    setErrors(noErrors);
    try {
      onCreated(await api.createRequest(checked.body, { idempotencyKey }));
    } catch (error) {
      setErrors(
        errorsFromResponse(error, {
          productTitle: props.productTitle,
          port: port.name,
          subjectLabel: subjects.find(s => s.ref === values.subjectRef)?.label,
        }),
      );
      setSubmitting(false);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-label={`Request access to ${port.name}`}
      className={classes.form}
    >
      <SubjectField
        id={id('subject')}
        options={subjects}
        pendingRefs={props.pendingSubjectRefs}
        value={values.subjectRef}
        onChange={ref => set('subjectRef', ref)}
        error={errors.fields.subjectRef}
      />
      <TextField
        id={id('purpose')}
        label="Purpose"
        value={values.purpose}
        onChange={event => set('purpose', event.target.value)}
        multiline
        minRows={3}
        variant="outlined"
        required
        fullWidth
        error={Boolean(errors.fields.purpose)}
        helperText={
          errors.fields.purpose ??
          'What you will use the data for, in a sentence or two; the owners read it'
        }
      />
      {personal && (
        <LegalBasisField
          id={id('legal-basis')}
          value={values.legalBasis}
          onChange={(activity?: ProcessingActivity) =>
            set('legalBasis', activity)
          }
          needsArt9={special}
          error={errors.fields.legalBasis}
          now={now}
        />
      )}
      {personal && values.legalBasis && (
        <LegalBasisSummary activity={values.legalBasis} />
      )}
      {special && (
        <Art9BasisField id={id('art9')} activity={values.legalBasis} />
      )}
      <TextField
        id={id('ends-at')}
        label="Access ends on"
        type="date"
        value={values.endsAt}
        onChange={event => set('endsAt', event.target.value)}
        variant="outlined"
        required
        InputLabelProps={{ shrink: true }}
        inputProps={{
          min: utcDate(new Date(now.getTime() + 86_400_000)),
          max: latestDay,
        }}
        error={Boolean(errors.fields.endsAt)}
        helperText={
          errors.fields.endsAt ??
          (limit
            ? `At most ${latestDay}: ${limit.reason}`
            : 'When access should end')
        }
      />
      <TermsField
        terms={port.access?.terms}
        checked={values.acceptTerms}
        onChange={checked => set('acceptTerms', checked)}
        error={errors.fields.acceptTerms}
      />
      {errors.form.map(message => (
        <Alert key={message} severity="error">
          {message}
        </Alert>
      ))}
      <Box display="flex" gridGap={8}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={submitting || subjects.length === 0}
        >
          {port.access?.approval === 'auto' ? 'Get access' : 'Send request'}
        </Button>
        <Button onClick={onClose} disabled={submitting}>
          Close
        </Button>
      </Box>
    </form>
  );
}
