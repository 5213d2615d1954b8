import {
  holdsPersonalData,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { ClassificationChip } from '../shared/ClassificationChip';

/** The port fields the chips read; a search document may carry only these. */
export type PortSummary = Pick<
  OutputPort,
  'name' | 'type' | 'classification' | 'personalData'
> & { access?: Pick<NonNullable<OutputPort['access']>, 'approval'> };

/** "Special categories (Art. 9)", "Personal data" or nothing. */
export function personalDataLabel(port: PortSummary): string | undefined {
  if (port.personalData?.specialCategories) {
    return 'Special categories (Art. 9)';
  }
  return holdsPersonalData(port) ? 'Personal data' : undefined;
}

/** Type, classification, personal data and access mode of one output port. */
export function PortChips({ port }: { port: PortSummary }) {
  const personal = personalDataLabel(port);
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 4 }}>
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
    </Box>
  );
}
