import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { Theme } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ReactNode } from 'react';

/**
 * The facets beside the results on wide screens; on a phone, folded above
 * them so the products come first.
 */
export function FilterPanel(props: { active: number; children: ReactNode }) {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), {
    noSsr: true,
  });
  if (!narrow) {
    return <>{props.children}</>;
  }
  return (
    <Accordion variant="outlined">
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="data-product-filters"
        id="data-product-filters-header"
      >
        <Typography>
          {props.active > 0 ? `Filters (${props.active} active)` : 'Filters'}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="data-product-filters" style={{ display: 'block' }}>
        {props.children}
      </AccordionDetails>
    </Accordion>
  );
}
