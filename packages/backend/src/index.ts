/*
 * The demo portal's backend: Backstage's core plugins plus the data mesh
 * governance suite (data products, access requests, governance). Adopters
 * add the suite's packages to their own backend the same way; see README.md.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Register a data product: checks it against the DataProduct schema first
backend.add(
  import('@datamesh-governance/plugin-scaffolder-backend-module-data-products'),
);
// Propose a ground rule: checks its policies against the governance backend first
backend.add(
  import('@datamesh-governance/plugin-scaffolder-backend-module-governance'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Production sign-in: active once auth.providers.github is configured
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
// Sign in as any demo user: development and tests only, never in production
backend.add(import('./modules/demoSignIn'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(
  import('@datamesh-governance/plugin-catalog-backend-module-data-products'),
);
// Lists entities that failed processing, e.g. a DataProduct with a bad spec
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// Example policy: access requests are read by their requester and owners
backend.add(import('./modules/permissionPolicy'));

// data products: access requests, legal basis, audit
backend.add(import('@datamesh-governance/plugin-data-products-backend'));
// Grants in PostgreSQL, once dataProducts.provisioners.postgres is configured
backend.add(
  import('@datamesh-governance/plugin-data-products-backend-module-postgres'),
);

// governance: ADRs, opinions on proposed ones, policy checks on data products
backend.add(import('@datamesh-governance/plugin-governance-backend'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// DataProducts' output ports in their search documents, for the result item's chips
backend.add(
  import('@datamesh-governance/plugin-search-backend-module-data-products'),
);
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(
  import('@datamesh-governance/plugin-search-backend-module-governance'),
);

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
