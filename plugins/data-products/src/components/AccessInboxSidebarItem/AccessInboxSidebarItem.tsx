import { SidebarItem, useSidebarOpenState } from '@backstage/core-components';
import { IconComponent, useRouteRef } from '@backstage/core-plugin-api';
import Badge from '@material-ui/core/Badge';
import { makeStyles } from '@material-ui/core/styles';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { useMemo } from 'react';
import { accessInboxRouteRef } from '../../routes';
import { usePendingDecisionCount } from './usePendingDecisionCount';

/** A count drawn like MUI's secondary badge, to sit after the label. */
const useStyles = makeStyles(theme => ({
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: 20,
    height: 20,
    padding: theme.spacing(0, 0.75),
    borderRadius: 10,
    boxSizing: 'border-box',
    fontSize: theme.typography.pxToRem(12),
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1,
    backgroundColor: theme.palette.secondary.main,
    color: theme.palette.secondary.contrastText,
  },
}));

/** "99+" beyond 99, so the badge stays small. */
function badgeText(count: { value: number; more: boolean }) {
  return count.more || count.value > 99 ? '99+' : String(count.value);
}

/**
 * The sidebar link to the Access inbox with a count of the requests waiting
 * for the signed-in user; no count at zero or when counting failed. Its
 * accessible name says the count: "Access inbox, 3 waiting".
 *
 * The visible text must read in the order of that name (WCAG 2.5.3, label in
 * name), so in the open sidebar the count follows the label ("Access inbox
 * 3"), in the slot Backstage's SidebarItem keeps after its text. Only the
 * collapsed sidebar, which shows no label, puts it on the icon as a badge.
 *
 * @public
 */
export function AccessInboxSidebarItem(props: {
  text?: string;
  icon?: IconComponent;
}) {
  const { text = 'Access inbox', icon: Icon = AssignmentTurnedInIcon } = props;
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  const to = useRouteRef(accessInboxRouteRef)();
  const count = usePendingDecisionCount();
  const badge = count && count.value > 0 ? badgeText(count) : undefined;
  const onIcon = isOpen ? undefined : badge;

  const BadgedIcon = useMemo(
    () => () =>
      (
        <Badge badgeContent={onIcon} color="secondary" invisible={!onIcon}>
          <Icon />
        </Badge>
      ),
    [onIcon, Icon],
  );

  return (
    <SidebarItem
      to={to}
      text={text}
      icon={BadgedIcon}
      aria-label={badge ? `${text}, ${badge} waiting` : text}
    >
      {isOpen && badge && (
        <>
          {/* Keeps "inbox" and the count apart as words for assistive tools. */}{' '}
          <span className={classes.count}>{badge}</span>
        </>
      )}
    </SidebarItem>
  );
}
