import { Header, Page } from '@backstage/core-components';
import { GovernanceRoutes } from './GovernanceRoutes';

/** The page for apps on the old frontend system, which draws its own header. */
export function GovernancePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Governance"
        subtitle="The forum's decisions, what you think of proposed ones, and how far data products comply"
      />
      <GovernanceRoutes />
    </Page>
  );
}
