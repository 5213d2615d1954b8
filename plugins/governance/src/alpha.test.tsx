import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  adrIndex,
  legalBasisAdr,
  maxDurationAdr,
  summaryOf,
  withContent,
} from './__testUtils__/fixtures';
import { governanceBaseUrl } from './__testUtils__/renderGovernance';
import governancePlugin from './alpha';
import { GovernanceClient, governanceApiRef } from './api';
import { rootRouteRef } from './routes';

const server = setupServer();
registerMswTestHooks(server);

beforeEach(() => {
  server.use(
    http.get(`${governanceBaseUrl}/adrs`, () => HttpResponse.json(adrIndex)),
    http.get(`${governanceBaseUrl}/adrs/${legalBasisAdr.id}`, () =>
      HttpResponse.json(withContent(legalBasisAdr, '## Decision\n\nWe do.')),
    ),
    http.get(`${governanceBaseUrl}/adrs/${legalBasisAdr.id}/opinions`, () =>
      HttpResponse.json(summaryOf([], false)),
    ),
    http.get(`${governanceBaseUrl}/policies`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
});

describe('governance plugin (new frontend system)', () => {
  it('offers its extensions under the ids apps configure them by', () => {
    for (const id of [
      'api:governance',
      'page:governance',
      'entity-content:governance',
      'search-result-list-item:governance',
      'scaffolder-form-field:governance/ground-rule-policy-picker',
      'scaffolder-form-field:governance/ground-rule-problem-picker',
    ] as const) {
      expect(governancePlugin.getExtension(id).$$type).toBe(
        '@backstage/ExtensionDefinition',
      );
    }
  });

  it('has a page extension that renders the ADR index', async () => {
    const client = new GovernanceClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: mockApis.fetch(),
    });
    const tester = createExtensionTester(
      governancePlugin.getExtension('page:governance'),
    );
    await renderInTestApp(tester.reactElement(), {
      apis: [[governanceApiRef, client]],
      mountedRoutes: { '/governance': rootRouteRef },
      mountPath: '/governance',
      initialRouteEntries: ['/governance'],
    });

    expect(
      await screen.findByRole('link', { name: maxDurationAdr.title }),
    ).toHaveAttribute('href', `/governance/adrs/${maxDurationAdr.id}`);
  });

  it('routes a deep link to one ADR inside the page', async () => {
    await renderTestApp({
      features: [governancePlugin],
      initialRouteEntries: [`/governance/adrs/${legalBasisAdr.id}`],
      apis: [mockApis.discovery()],
    });

    expect(
      await screen.findByRole('heading', { name: legalBasisAdr.title }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Opinions are closed because this decision is accepted/,
      ),
    ).toBeInTheDocument();
  });
});
