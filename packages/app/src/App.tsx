import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import dataProductsPlugin from '@datamesh-governance/plugin-data-products/alpha';
import governancePlugin from '@datamesh-governance/plugin-governance/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    dataProductsPlugin,
    governancePlugin,
    navModule,
    homeModule,
    signInModule,
  ],
});
