import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  activityProblem,
  type ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { dataProductsApiRef } from '../../api';
import { ActivityOption } from './ActivityOption';

/** Wait this long after the last key stroke before asking the register. */
const SEARCH_DELAY_MS = 250;
/** Fewer characters than this match too much of the register to be useful. */
const MIN_SEARCH_LENGTH = 2;

function sameActivity(a: ProcessingActivity, b: ProcessingActivity) {
  return a.registerId === b.registerId && a.id === b.id;
}

/**
 * A type-ahead on the register of processing activities. Activities that are
 * not in force are listed but disabled, with the reason, since the backend
 * refuses them.
 */
export function LegalBasisField(props: {
  id: string;
  value?: ProcessingActivity;
  onChange: (activity?: ProcessingActivity) => void;
  needsArt9: boolean;
  error?: string;
  now: Date;
}) {
  const { id, value, onChange, needsArt9, error, now } = props;
  const api = useApi(dataProductsApiRef);
  const [inputValue, setInputValue] = useState('');
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(typed.trim()), SEARCH_DELAY_MS, [typed]);

  const search = useAsync(
    async () =>
      term.length < MIN_SEARCH_LENGTH ? [] : api.searchLegalBases(term),
    [api, term],
  );

  let helperText =
    error ?? 'Search the register by number (B123) or by words from the name';
  if (search.error) {
    helperText = `Could not search the register: ${search.error.message}`;
  }

  return (
    <Autocomplete<ProcessingActivity>
      id={id}
      options={search.value ?? []}
      value={value ?? null}
      onChange={(_event, activity) => onChange(activity ?? undefined)}
      inputValue={inputValue}
      onInputChange={(_event, text, reason) => {
        setInputValue(text);
        // Picking an option fills the input with its label; do not search that.
        if (reason === 'input') setTyped(text);
      }}
      // The register searches; show what it found as it ranked it.
      filterOptions={options => options}
      getOptionLabel={activity => `${activity.number} ${activity.name}`}
      getOptionSelected={sameActivity}
      getOptionDisabled={activity => Boolean(activityProblem(activity, now))}
      renderOption={activity => (
        <ActivityOption activity={activity} needsArt9={needsArt9} now={now} />
      )}
      loading={search.loading || typed.trim() !== term}
      loadingText="Searching the register…"
      noOptionsText={
        term.length < MIN_SEARCH_LENGTH
          ? 'Type a number like B123 or words from the name'
          : `No processing activity matches "${term}"`
      }
      renderInput={params => (
        <TextField
          {...params}
          label="Legal basis: processing activity"
          required
          variant="outlined"
          error={Boolean(error || search.error)}
          helperText={helperText}
        />
      )}
    />
  );
}
