import { HeaderTabs } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useNavigate } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

const tabs = [
  { id: 'decisions', label: 'Decisions', path: '' },
  { id: 'problems', label: 'Problems', path: '/problems' },
];

/** Decisions (the ADRs) and the problems raised for the forum, as header tabs. */
export function GovernanceTabs(props: { current: 'decisions' | 'problems' }) {
  const root = useRouteRef(rootRouteRef)();
  const navigate = useNavigate();
  return (
    <HeaderTabs
      tabs={tabs.map(({ id, label }) => ({ id, label }))}
      selectedIndex={tabs.findIndex(tab => tab.id === props.current)}
      onChange={index => navigate(`${root}${tabs[index].path}`)}
    />
  );
}
