import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import {
  parameterProblems,
  PolicyChoice,
  policyChoicesOf,
} from './policyChoices';

/**
 * `ui:field: GroundRulePolicyPicker`: the policy checks the governance
 * backend has registered, each with a checkbox and, once picked, a text
 * field per parameter it takes (empty means the check's default).
 */
export function GroundRulePolicyPicker(
  props: FieldExtensionComponentProps<unknown>,
) {
  const { schema, rawErrors, onChange, required, idSchema } = props;
  const api = useApi(governanceApiRef);
  const checks = useAsync(() => api.listPolicies(), [api]);
  const choices = policyChoicesOf(props.formData);
  const problems = parameterProblems(choices, checks.value ?? []);

  const toggle = (id: string, picked: boolean) =>
    onChange(
      picked
        ? [...choices, { id }]
        : choices.filter(choice => choice.id !== id),
    );
  const setParam = (choice: PolicyChoice, name: string, value: string) => {
    const params = { ...choice.params, [name]: value };
    if (!value) delete params[name];
    onChange(
      choices.map(c =>
        c.id === choice.id
          ? { id: c.id, ...(Object.keys(params).length && { params }) }
          : c,
      ),
    );
  };

  if (checks.loading) return <Progress />;
  if (checks.error) {
    return (
      <WarningPanel
        severity="error"
        title="The policy checks could not be loaded"
        message={checks.error.message}
      />
    );
  }
  return (
    <FormControl
      component="fieldset"
      required={required}
      error={!!rawErrors?.length}
      margin="normal"
    >
      <FormLabel component="legend">{schema.title ?? 'Policies'}</FormLabel>
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      {(checks.value ?? []).map(check => {
        const choice = choices.find(c => c.id === check.id);
        return (
          <Box key={check.id} marginTop={1}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={!!choice}
                  onChange={event => toggle(check.id, event.target.checked)}
                  inputProps={{
                    'aria-describedby': `${idSchema.$id}-${check.id}`,
                  }}
                />
              }
              label={check.title}
            />
            <Typography
              id={`${idSchema.$id}-${check.id}`}
              variant="body2"
              color="textSecondary"
            >
              {check.description} ({check.id})
            </Typography>
            {choice &&
              (check.parameters ?? []).map(parameter => {
                const problem = problems[`${check.id}/${parameter.name}`];
                return (
                  <TextField
                    key={parameter.name}
                    id={`${idSchema.$id}-${check.id}-${parameter.name}`}
                    label={parameter.title}
                    value={choice.params?.[parameter.name] ?? ''}
                    placeholder={parameter.default}
                    helperText={
                      problem ??
                      `${parameter.description}${
                        parameter.default
                          ? ` (empty: ${parameter.default})`
                          : ''
                      }`
                    }
                    error={!!problem}
                    onChange={event =>
                      setParam(choice, parameter.name, event.target.value)
                    }
                    margin="dense"
                    fullWidth
                  />
                );
              })}
          </Box>
        );
      })}
      {rawErrors?.map(error => (
        <FormHelperText key={error}>{error}</FormHelperText>
      ))}
    </FormControl>
  );
}
