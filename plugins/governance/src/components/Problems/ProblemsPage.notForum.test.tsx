import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  governanceBaseUrl,
  renderGovernancePage,
} from '../../__testUtils__/renderGovernance';

// A file of its own: usePermission caches decisions for the whole test file.
const server = setupServer();
registerMswTestHooks(server);

describe('ProblemsPage for someone outside the forum', () => {
  it('offers support but neither linking nor closing', async () => {
    server.use(
      http.get(`${governanceBaseUrl}/problems`, () =>
        HttpResponse.json({
          items: [
            {
              id: '22222222-2222-4222-8222-222222222222',
              title: 'Domains name their products differently',
              description: 'Search finds half of them.',
              entityRefs: [],
              raisedBy: 'user:default/ada.analyst',
              createdAt: '2026-11-30T10:00:00.000Z',
              status: 'open',
              supportCount: 2,
              supportedByMe: false,
            },
          ],
        }),
      ),
    );
    await renderGovernancePage('/governance/problems', {
      permissions: 'deny',
    });
    expect(
      await screen.findByRole('button', { name: /^Support: Domains/ }),
    ).toHaveTextContent('2 supporters');
    expect(
      screen.queryByRole('button', { name: /Link ADR|Change ADR/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close' }),
    ).not.toBeInTheDocument();
  });
});
