import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  MAX_PROBLEM_DESCRIPTION_LENGTH,
  MAX_PROBLEM_TITLE_LENGTH,
  Problem,
} from '@datamesh-governance/plugin-governance-common';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { governanceApiRef } from '../../api';
import { EntityRefsPicker } from './EntityRefsPicker';
import {
  errorsFromResponse,
  ProblemFormErrors,
  validateProblem,
} from './problemErrors';

const noErrors: ProblemFormErrors = { fields: {} };

/**
 * Raises a problem as the signed-in user. Focus moves to the title when the
 * form opens; a rejected save keeps what was typed and says what to fix.
 */
export function RaiseProblemForm(props: {
  onRaised: (problem: Problem) => void;
  onCancel: () => void;
}) {
  const governanceApi = useApi(governanceApiRef);
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [entityRefs, setEntityRefs] = useState<string[]>([]);
  const [errors, setErrors] = useState<ProblemFormErrors>(noErrors);
  const [saving, setSaving] = useState(false);

  useEffect(() => titleRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateProblem({ title, description, entityRefs });
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const problem = await governanceApi.raiseProblem(checked.input);
      setErrors(noErrors);
      props.onRaised(problem);
    } catch (error) {
      setErrors(errorsFromResponse(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <InfoCard title="Raise a problem">
      <form onSubmit={onSubmit} noValidate aria-label="Raise a problem">
        {errors.form && (
          <Box marginBottom={2}>
            <Alert severity="error">{errors.form}</Alert>
          </Box>
        )}
        <TextField
          id="problem-title"
          inputRef={titleRef}
          label="Title"
          value={title}
          onChange={e => setTitle(e.target.value)}
          error={!!errors.fields.title}
          helperText={errors.fields.title ?? 'What goes wrong, in a line.'}
          inputProps={{ maxLength: MAX_PROBLEM_TITLE_LENGTH }}
          required
          fullWidth
          margin="normal"
          variant="outlined"
        />
        <TextField
          id="problem-description"
          label="Description"
          value={description}
          onChange={e => setDescription(e.target.value)}
          error={!!errors.fields.description}
          helperText={
            errors.fields.description ??
            'Who runs into it, how often, and what it costs them.'
          }
          inputProps={{ maxLength: MAX_PROBLEM_DESCRIPTION_LENGTH }}
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          variant="outlined"
        />
        <EntityRefsPicker
          value={entityRefs}
          onChange={setEntityRefs}
          error={errors.fields.entityRefs}
        />
        <Box display="flex" style={{ gap: 8 }} marginTop={2}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={saving}
          >
            Raise problem
          </Button>
          <Button onClick={props.onCancel} disabled={saving}>
            Cancel
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
}
