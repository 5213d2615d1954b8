import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { adrRouteRef } from '../../routes';
import { AdrIndexPage } from '../AdrIndexPage/AdrIndexPage';
import { AdrPage } from '../AdrPage/AdrPage';
import { ProblemsPage } from '../Problems/ProblemsPage';
import { GovernanceTabs } from './GovernanceTabs';

/**
 * The page's own routes: the decisions, the problems raised for the forum
 * (as tabs), and one ADR. The adapter scopes React
 * Router to the page in the new frontend system and is a no-op in the old one.
 */
export function GovernanceRoutes() {
  return (
    <ReactRouterV6PageRouter>
      <Routes>
        <Route
          path="/"
          element={
            <>
              <GovernanceTabs current="decisions" />
              <AdrIndexPage />
            </>
          }
        />
        <Route
          path="/problems"
          element={
            <>
              <GovernanceTabs current="problems" />
              <ProblemsPage />
            </>
          }
        />
        <Route path={adrRouteRef.path} element={<AdrPage />} />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
