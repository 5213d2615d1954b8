import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { adrRouteRef } from '../../routes';
import { AdrIndexPage } from '../AdrIndexPage/AdrIndexPage';
import { AdrPage } from '../AdrPage/AdrPage';

/**
 * The page's own routes: the index and one ADR. The adapter scopes React
 * Router to the page in the new frontend system and is a no-op in the old one.
 */
export function GovernanceRoutes() {
  return (
    <ReactRouterV6PageRouter>
      <Routes>
        <Route path="/" element={<AdrIndexPage />} />
        <Route path={adrRouteRef.path} element={<AdrPage />} />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
