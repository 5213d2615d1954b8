import { SidebarItem } from '@backstage/core-components';
import { IconComponent, useRouteRef } from '@backstage/core-plugin-api';
import Badge from '@material-ui/core/Badge';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { useMemo } from 'react';
import { accessInboxRouteRef } from '../../routes';
import { usePendingDecisionCount } from './usePendingDecisionCount';

/** "99+" beyond 99, so the badge stays small. */
function badgeText(count: { value: number; more: boolean }) {
  return count.more || count.value > 99 ? '99+' : String(count.value);
}

/**
 * The sidebar link to the Access inbox with a badge counting the requests
 * waiting for the signed-in user; no badge at zero or when counting failed.
 * Its accessible name says the count: "Access inbox, 3 waiting".
 *
 * @public
 */
export function AccessInboxSidebarItem(props: {
  text?: string;
  icon?: IconComponent;
}) {
  const { text = 'Access inbox', icon: Icon = AssignmentTurnedInIcon } = props;
  const to = useRouteRef(accessInboxRouteRef)();
  const count = usePendingDecisionCount();
  const badge = count && count.value > 0 ? badgeText(count) : undefined;

  const BadgedIcon = useMemo(
    () => () =>
      (
        <Badge badgeContent={badge} color="secondary" invisible={!badge}>
          <Icon />
        </Badge>
      ),
    [badge, Icon],
  );

  return (
    <SidebarItem
      to={to}
      text={text}
      icon={BadgedIcon}
      aria-label={badge ? `${text}, ${badge} waiting` : text}
    />
  );
}
