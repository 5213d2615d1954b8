import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { AdrProblem } from '@datamesh-governance/plugin-governance-common';

/** Files that could not be read as ADRs, collapsed: they matter to maintainers, not readers. */
export function ProblemsPanel(props: { problems: AdrProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <Accordion>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          {props.problems.length === 1
            ? '1 file could not be read as an ADR'
            : `${props.problems.length} files could not be read as ADRs`}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <List dense disablePadding>
          {props.problems.map(problem => (
            <ListItem
              key={`${problem.sourceId}/${problem.fileName}`}
              disableGutters
            >
              <ListItemText
                primary={`${problem.sourceId}: ${problem.fileName}`}
                secondary={problem.message}
              />
            </ListItem>
          ))}
        </List>
      </AccordionDetails>
    </Accordion>
  );
}
