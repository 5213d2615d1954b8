import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { isDataProductEntity } from '@datamesh-governance/plugin-data-products-common';
import GavelIcon from '@material-ui/icons/Gavel';
import { GovernanceClient, governanceApiRef } from './api';
import { isAdrSearchResult } from './isAdrSearchResult';
import { adrRouteRef, rootRouteRef } from './routes';

const governanceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: governanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GovernanceClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:governance`: the ADR index at `/governance`, one ADR at `/governance/adrs/:adrId`. */
const governancePage = PageBlueprint.make({
  params: {
    path: '/governance',
    routeRef: rootRouteRef,
    title: 'Governance',
    icon: <GavelIcon fontSize="inherit" />,
    loader: () =>
      import('./components/GovernancePage/GovernanceRoutes').then(
        ({ GovernanceRoutes }) => <GovernanceRoutes />,
      ),
  },
});

/** `entity-content:governance`: a data product's policy checks. */
const entityGovernanceContent = EntityContentBlueprint.make({
  params: {
    path: 'governance',
    title: 'Governance',
    filter: isDataProductEntity,
    loader: () =>
      import('./components/EntityGovernanceContent').then(m => (
        <m.EntityGovernanceContent />
      )),
  },
});

/** `search-result-list-item:governance`: ADRs in search results. */
const adrSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: isAdrSearchResult,
    icon: <GavelIcon />,
    component: () =>
      import('./components/AdrSearchResultListItem').then(
        m => m.AdrSearchResultListItem,
      ),
  },
});

/**
 * `scaffolder-form-field:governance/ground-rule-policy-picker`: the
 * `GroundRulePolicyPicker` field of the "Propose a ground rule" template.
 */
const groundRulePolicyPicker = FormFieldBlueprint.make({
  name: 'ground-rule-policy-picker',
  params: {
    field: () =>
      import('./components/GroundRulePolicyPicker').then(
        m => m.groundRulePolicyPickerField,
      ),
  },
});

/**
 * `scaffolder-form-field:governance/ground-rule-problem-picker`: the
 * `GroundRuleProblemPicker` field, the raised problems a proposal answers.
 */
const groundRuleProblemPicker = FormFieldBlueprint.make({
  name: 'ground-rule-problem-picker',
  params: {
    field: () =>
      import('./components/GroundRuleProblemPicker').then(
        m => m.groundRuleProblemPickerField,
      ),
  },
});

/**
 * The governance plugin for apps on the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'governance',
  title: 'Governance',
  icon: <GavelIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, adr: adrRouteRef },
  extensions: [
    governanceApi,
    governancePage,
    entityGovernanceContent,
    adrSearchResultListItem,
    groundRulePolicyPicker,
    groundRuleProblemPicker,
  ],
});
