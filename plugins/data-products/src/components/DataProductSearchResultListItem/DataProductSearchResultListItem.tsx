import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import { BaseSearchResultListItemProps } from '@backstage/plugin-search-react/alpha';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  PortChips,
  PortSummary,
  useChipRowStyles,
} from '../Marketplace/PortChips';
import { refIn } from '../Marketplace/refIn';

/**
 * The fields of a catalog search document. Backstage's default collator
 * indexes no ports; a collator that adds `outputPorts` gets them shown.
 */
type DataProductDocument = {
  title: string;
  text: string;
  location: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  outputPorts?: PortSummary[];
};

type Highlight = {
  preTag: string;
  postTag: string;
  fields: Record<string, string>;
};

function Highlighted(props: {
  highlight?: Highlight;
  field: string;
  text: string;
}) {
  const fragment = props.highlight?.fields[props.field];
  return fragment ? (
    <HighlightedSearchResultText
      text={fragment}
      preTag={props.highlight!.preTag}
      postTag={props.highlight!.postTag}
    />
  ) : (
    <>{props.text}</>
  );
}

/** A data product in search results: title, description, owner and ports. */
export function DataProductSearchResultListItem(
  props: BaseSearchResultListItemProps,
) {
  const { icon, highlight } = props as BaseSearchResultListItemProps & {
    highlight?: Highlight;
  };
  const classes = useChipRowStyles();
  const result = props.result as DataProductDocument | undefined;
  if (!result) return null;
  const ports = Array.isArray(result.outputPorts) ? result.outputPorts : [];
  const owner = refIn(result.owner, 'group');
  return (
    <Box display="flex">
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        primaryTypographyProps={{ variant: 'h6' }}
        primary={
          <Link noTrack to={result.location}>
            <Highlighted
              highlight={highlight}
              field="title"
              text={result.title}
            />
          </Link>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            <Typography variant="body2" color="textSecondary" component="div">
              <Highlighted
                highlight={highlight}
                field="text"
                text={result.text}
              />
            </Typography>
            <Box mt={1} className={classes.chips}>
              <Chip size="small" label="Data product" />
              {result.type && result.type !== 'other' && (
                <Chip size="small" variant="outlined" label={result.type} />
              )}
              {result.lifecycle && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={result.lifecycle}
                />
              )}
              {owner && (
                <Typography variant="body2" component="span">
                  Owner:{' '}
                  <EntityRefLink
                    entityRef={owner}
                    defaultKind="group"
                    hideIcon
                  />
                </Typography>
              )}
            </Box>
            {ports.map(port => (
              <Box
                key={port.name}
                display="flex"
                flexWrap="wrap"
                alignItems="center"
                mt={0.5}
                style={{ gap: 8 }}
              >
                <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
                  {port.name}
                </Typography>
                <PortChips port={port} />
              </Box>
            ))}
          </>
        }
      />
    </Box>
  );
}
