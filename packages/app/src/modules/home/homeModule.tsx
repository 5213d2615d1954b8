import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Data products and their governance

This portal is where teams publish **data products** next to the services
that produce them, ask for access with a documented legal basis, and see
what the governance forum has decided.

- **Find data** — the [catalog, filtered to data products](/catalog?filters%5Bkind%5D=dataproduct&filters%5Buser%5D=all)
- **Ask for access** — open a data product's **Access** tab
- **Decide on requests** — your [Access inbox](/access-inbox)
- **Follow the forum** — the [Governance](/governance) page: decisions,
  opinions on proposals and which data products comply
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started',
    description: 'Where to find data products, access and governance',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
