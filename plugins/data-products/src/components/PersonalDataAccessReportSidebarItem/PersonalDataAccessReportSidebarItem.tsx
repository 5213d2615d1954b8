import { SidebarItem } from '@backstage/core-components';
import { IconComponent } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { reportReadPermission } from '@datamesh-governance/plugin-data-products-common';
import { personalDataAccessReportRouteRef } from '../../routes';
import { useOptionalRouteLink } from '../shared/useOptionalRouteLink';

/**
 * The sidebar link to the Art. 30 report, shown only to those allowed to
 * read it (the backend checks again).
 *
 * @public
 */
export function PersonalDataAccessReportSidebarItem(props: {
  text?: string;
  icon?: IconComponent;
}) {
  const { text = 'Art. 30 report', icon = VerifiedUserIcon } = props;
  const { allowed } = usePermission({ permission: reportReadPermission });
  const to = useOptionalRouteLink(personalDataAccessReportRouteRef);
  if (!allowed || !to) return null;
  return <SidebarItem to={to} text={text} icon={icon} />;
}
