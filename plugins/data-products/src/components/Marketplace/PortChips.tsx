import {
  holdsPersonalData,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ClassificationChip } from '../shared/ClassificationChip';

/** The port fields the chips read; a search document may carry only these. */
export type PortSummary = Pick<
  OutputPort,
  'name' | 'type' | 'classification' | 'personalData'
> & { access?: Pick<NonNullable<OutputPort['access']>, 'approval'> };

/** "Special categories (Art. 9)", "Personal data" or nothing. */
function personalDataLabel(port: PortSummary): string | undefined {
  if (port.personalData?.specialCategories) {
    return 'Special categories (Art. 9)';
  }
  return holdsPersonalData(port) ? 'Personal data' : undefined;
}

/** A wrapping row of chips spaced by a gap. */
export const useChipRowStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    // The theme gives every chip a trailing margin; the gap spaces them here.
    '&& > *': { margin: 0 },
  },
}));

/** Type, classification, personal data and access mode of one output port. */
export function PortChips({ port }: { port: PortSummary }) {
  const classes = useChipRowStyles();
  const personal = personalDataLabel(port);
  return (
    <div className={classes.chips}>
      <Chip size="small" variant="outlined" label={port.type} />
      <ClassificationChip classification={port.classification} />
      {personal && <Chip size="small" variant="outlined" label={personal} />}
      <Chip
        size="small"
        variant="outlined"
        label={
          port.access?.approval === 'auto' ? 'Automatic' : 'Owner approval'
        }
      />
    </div>
  );
}
