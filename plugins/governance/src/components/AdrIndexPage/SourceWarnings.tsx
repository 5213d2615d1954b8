import { WarningPanel } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { AdrSource } from '@datamesh-governance/plugin-governance-common';

/**
 * Sources the last refresh could not read. Their ADRs are still listed as
 * last read, so the panel says so rather than hiding them.
 */
export function SourceWarnings(props: { sources: AdrSource[] }) {
  const failed = props.sources.filter(source => !source.ok);
  if (failed.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={
        failed.length === 1
          ? 'One ADR source could not be read'
          : `${failed.length} ADR sources could not be read`
      }
      message="Showing what was last read from them."
      defaultExpanded
    >
      <List dense disablePadding>
        {failed.map(source => (
          <ListItem key={source.id} disableGutters>
            <ListItemText
              primary={source.entityRef ?? source.target}
              secondary={[
                source.error ?? 'unknown error',
                source.lastReadAt
                  ? `last read ${new Date(source.lastReadAt).toLocaleString()}`
                  : 'never read',
              ].join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </WarningPanel>
  );
}
