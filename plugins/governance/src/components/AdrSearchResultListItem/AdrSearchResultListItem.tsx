import { Link } from '@backstage/core-components';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import { BaseSearchResultListItemProps } from '@backstage/plugin-search-react/alpha';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  AdrStatus,
  adrStatuses,
} from '@datamesh-governance/plugin-governance-common';
import { AdrStatusChip } from '../shared/AdrStatusChip';
import { TeamDecisionChip } from '../shared/TeamDecisionChip';

function statusOf(value: unknown): AdrStatus | undefined {
  return adrStatuses.find(status => status === value);
}

/** An ADR in search results: title, status and the matching snippet. */
export function AdrSearchResultListItem(props: BaseSearchResultListItemProps) {
  const { result, highlight, icon } = props as BaseSearchResultListItemProps & {
    highlight?: {
      preTag: string;
      postTag: string;
      fields: Record<string, string>;
    };
  };
  if (!result) return null;
  const status = statusOf((result as { status?: unknown }).status);
  return (
    <Box display="flex">
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        primaryTypographyProps={{ variant: 'h6' }}
        primary={
          <Link noTrack to={result.location}>
            {highlight?.fields.title ? (
              <HighlightedSearchResultText
                text={highlight.fields.title}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.title
            )}
          </Link>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            {status && <AdrStatusChip status={status} />}{' '}
            <TeamDecisionChip trust={(result as { trust?: unknown }).trust} />
            <Typography variant="body2" color="textSecondary" component="div">
              {highlight?.fields.text ? (
                <HighlightedSearchResultText
                  text={highlight.fields.text}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.text
              )}
            </Typography>
          </>
        }
      />
    </Box>
  );
}
