import { Content, Header, Page } from '@backstage/core-components';
import { AccessInboxContent } from './AccessInboxContent';

/** The inbox under the page header the new frontend system draws. */
export function AccessInboxPageContent() {
  return (
    <Content>
      <AccessInboxContent />
    </Content>
  );
}

/** The inbox as a full page, for apps on the legacy frontend system. */
export function AccessInboxPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Access inbox"
        subtitle="Requests to decide, and the access you asked for"
      />
      <AccessInboxPageContent />
    </Page>
  );
}
