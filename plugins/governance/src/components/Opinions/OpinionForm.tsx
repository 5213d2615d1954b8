import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Opinion,
  opinionPerspectives,
  opinionStances,
} from '@datamesh-governance/plugin-governance-common';
import { FormEvent, useState } from 'react';
import { governanceApiRef } from '../../api';
import {
  errorsFromResponse,
  OpinionFormErrors,
  validateOpinion,
} from './opinionErrors';
import { stanceLabels } from './StanceChip';

const noErrors: OpinionFormErrors = { fields: {} };

/**
 * Records the signed-in user's opinion. Their current one pre-fills the form;
 * a rejected save keeps what was typed and says what to fix.
 */
export function OpinionForm(props: {
  adrId: string;
  mine?: Opinion;
  onRecorded: (opinion: Opinion) => void;
}) {
  const governanceApi = useApi(governanceApiRef);
  const [stance, setStance] = useState<string>(props.mine?.stance ?? '');
  const [perspective, setPerspective] = useState<string>(
    props.mine?.perspective ?? '',
  );
  const [comment, setComment] = useState(props.mine?.comment ?? '');
  const [errors, setErrors] = useState<OpinionFormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validateOpinion({ stance, perspective, comment });
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const opinion = await governanceApi.recordOpinion(
        props.adrId,
        checked.input,
      );
      setErrors(noErrors);
      setSaved(true);
      props.onRecorded(opinion);
    } catch (error) {
      setErrors(errorsFromResponse(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Your opinion">
      <Typography variant="h6" component="h3" gutterBottom>
        {props.mine ? 'Change your opinion' : 'Give your opinion'}
      </Typography>
      {errors.form && (
        <Box marginBottom={2}>
          <Alert severity="error">{errors.form}</Alert>
        </Box>
      )}
      {saved && (
        <Box marginBottom={2}>
          <Alert severity="success">Your opinion is recorded.</Alert>
        </Box>
      )}
      <FormControl
        component="fieldset"
        error={!!errors.fields.stance}
        margin="normal"
      >
        <FormLabel component="legend">Stance</FormLabel>
        <RadioGroup
          row
          name="stance"
          value={stance}
          onChange={e => setStance(e.target.value)}
        >
          {opinionStances.map(value => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio />}
              label={stanceLabels[value]}
            />
          ))}
        </RadioGroup>
        {errors.fields.stance && (
          <FormHelperText>{errors.fields.stance}</FormHelperText>
        )}
      </FormControl>
      <TextField
        id="opinion-perspective"
        select
        label="Perspective you speak for"
        value={perspective}
        onChange={e => setPerspective(e.target.value)}
        error={!!errors.fields.perspective}
        helperText={errors.fields.perspective}
        fullWidth
        margin="normal"
      >
        {opinionPerspectives.map(value => (
          <MenuItem key={value} value={value}>
            {value}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="opinion-comment"
        label="Comment"
        value={comment}
        onChange={e => setComment(e.target.value)}
        error={!!errors.fields.comment}
        helperText={errors.fields.comment ?? 'Say briefly why.'}
        multiline
        minRows={3}
        fullWidth
        margin="normal"
        variant="outlined"
      />
      <Button
        type="submit"
        variant="contained"
        color="primary"
        disabled={saving}
      >
        {props.mine ? 'Update opinion' : 'Record opinion'}
      </Button>
    </form>
  );
}
