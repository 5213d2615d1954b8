import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useReadableLabel } from '../shared/useReadableLabel';

/**
 * The text search; it reports what was typed once typing pauses, and follows
 * the URL when the back button changes the text.
 */
export function TextSearchField(props: {
  value: string;
  onChange: (text: string) => void;
}) {
  const { value, onChange } = props;
  const classes = useReadableLabel();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useDebounce(
    () => {
      if (draft !== value) onChange(draft);
    },
    300,
    [draft],
  );
  return (
    <TextField
      id="data-product-search"
      type="search"
      label="Search data products"
      placeholder="Name, description, port"
      variant="outlined"
      size="small"
      fullWidth
      value={draft}
      onChange={e => setDraft(e.target.value)}
      InputLabelProps={{ className: classes.label }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon />
          </InputAdornment>
        ),
      }}
    />
  );
}
