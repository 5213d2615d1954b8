import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import useAsyncFn from 'react-use/esm/useAsyncFn';

type Option = { ref: string; title: string; kind: string };

/**
 * Picks data products and domains from the catalog, by what the user types
 * (a page of matches at a time, so it works with any number of entities).
 */
export function EntityRefsPicker(props: {
  value: string[];
  onChange: (refs: string[]) => void;
  error?: string;
}) {
  const catalogApi = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  const [known, setKnown] = useState<Record<string, Option>>({});
  const [found, search] = useAsyncFn(
    async (term: string) => {
      const { items } = await catalogApi.queryEntities({
        filter: { kind: ['DataProduct', 'Domain'] },
        ...(term.trim() && {
          fullTextFilter: {
            term: term.trim(),
            fields: ['metadata.name', 'metadata.title'],
          },
        }),
        orderFields: { field: 'metadata.name', order: 'asc' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
        ],
        limit: 25,
      });
      const matches: Option[] = items.map(entity => ({
        ref: stringifyEntityRef(entity),
        title: entity.metadata.title ?? entity.metadata.name,
        kind: entity.kind === 'Domain' ? 'domain' : 'data product',
      }));
      return { term, matches };
    },
    [catalogApi],
  );
  useDebounce(() => search(input), 250, [input, search]);

  // Only the matches of what is typed now: those of an earlier term would
  // be offered (and clicked) while the new search is on its way.
  const options = found.value?.term === input ? found.value.matches : [];
  const searching = found.loading || found.value?.term !== input;
  const optionOf = (ref: string): Option =>
    known[ref] ?? { ref, title: ref, kind: '' };

  return (
    <Autocomplete
      multiple
      id="problem-entity-refs"
      options={options.map(o => o.ref)}
      value={props.value}
      loading={searching}
      filterOptions={refs => refs}
      getOptionLabel={ref => optionOf(ref).title}
      renderOption={ref => {
        const option = options.find(o => o.ref === ref) ?? optionOf(ref);
        return `${option.title} (${option.kind})`;
      }}
      onInputChange={(_event, value) => setInput(value)}
      onChange={(_event, refs) => {
        setKnown(previous => ({
          ...previous,
          ...Object.fromEntries(options.map(o => [o.ref, o])),
        }));
        props.onChange(refs);
      }}
      renderTags={(refs, getTagProps) =>
        refs.map((ref, index) => (
          <Chip
            size="small"
            label={optionOf(ref).title}
            {...getTagProps({ index })}
          />
        ))
      }
      renderInput={params => (
        <TextField
          {...params}
          label="Data products and domains it touches"
          variant="outlined"
          margin="normal"
          error={!!props.error}
          helperText={
            props.error ??
            (found.error
              ? 'The catalog could not be searched'
              : 'Type to search the catalog.')
          }
        />
      )}
    />
  );
}
