import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { Problem } from '@datamesh-governance/plugin-governance-common';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';

/** How many open problems the picker offers: the most supported first. */
const OFFERED = 100;

/**
 * `ui:field: GroundRuleProblemPicker`: the open problems raised on the
 * Governance page, most supported first, picked by title; the value is
 * their ids.
 */
export function GroundRuleProblemPicker(
  props: FieldExtensionComponentProps<unknown>,
) {
  const { schema, rawErrors, onChange, required, idSchema } = props;
  const api = useApi(governanceApiRef);
  const problems = useAsync(
    async () =>
      (await api.listProblems({ status: 'open', limit: OFFERED })).items,
    [api],
  );
  const ids = Array.isArray(props.formData)
    ? props.formData.filter((id): id is string => typeof id === 'string')
    : [];
  const options = problems.value ?? [];
  const selected = ids.map(
    id => options.find(p => p.id === id) ?? ({ id, title: id } as Problem),
  );

  return (
    <Autocomplete
      id={idSchema.$id}
      multiple
      loading={problems.loading}
      options={options}
      value={selected}
      getOptionLabel={problem => problem.title}
      getOptionSelected={(option, value) => option.id === value.id}
      onChange={(_event, picked) => onChange(picked.map(p => p.id))}
      renderOption={problem =>
        `${problem.title} (${problem.supportCount} support${
          problem.supportCount === 1 ? '' : 's'
        })`
      }
      renderInput={params => (
        <TextField
          {...params}
          label={schema.title ?? 'Problems'}
          required={required}
          margin="normal"
          error={!!rawErrors?.length || !!problems.error}
          helperText={
            problems.error
              ? `The raised problems could not be loaded: ${problems.error.message}`
              : schema.description
          }
        />
      )}
    />
  );
}
