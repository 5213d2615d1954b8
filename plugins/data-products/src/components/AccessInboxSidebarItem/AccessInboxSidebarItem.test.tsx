import { SidebarPinStateProvider } from '@backstage/core-components';
import { registerMswTestHooks } from '@backstage/test-utils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { DataProductsClient } from '../../api';
import { aRequest, API, OLAV } from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { AccessInboxSidebarItem } from './AccessInboxSidebarItem';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

/** Answers the count query with `answers` in turn (the last one repeats). */
function servePending(
  ...answers: Array<{ count: number; more: boolean } | 500>
) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/requests/count`, ({ request }) => {
      queries.push(Object.fromEntries(new URL(request.url).searchParams));
      const answer = answers[Math.min(queries.length - 1, answers.length - 1)];
      return answer === 500
        ? HttpResponse.json(
            {
              error: { name: 'Error', message: 'boom' },
              response: { statusCode: 500 },
            },
            { status: 500 },
          )
        : HttpResponse.json(answer);
    }),
  );
  return queries;
}

const renderItem = () =>
  renderWithClient(
    <SidebarPinStateProvider
      value={{
        isPinned: true,
        toggleSidebarPinState: () => {},
        isMobile: false,
      }}
    >
      <AccessInboxSidebarItem />
    </SidebarPinStateProvider>,
    { user: OLAV },
  );

describe('AccessInboxSidebarItem', () => {
  it('counts the pending requests waiting for me in its name and badge', async () => {
    const queries = servePending({ count: 3, more: false });
    await renderItem();
    const link = await screen.findByRole('link', {
      name: 'Access inbox, 3 waiting',
    });
    expect(link).toHaveAttribute('href', '/access-inbox');
    expect(link).toHaveTextContent('3');
    expect(queries[0]).toEqual({ role: 'approver', status: 'pending' });
  });

  it('shows 99+ when the count is capped', async () => {
    servePending({ count: 100, more: true });
    await renderItem();
    const link = await screen.findByRole('link', {
      name: 'Access inbox, 99+ waiting',
    });
    expect(link).toHaveTextContent('99+');
  });

  it('shows no badge when nothing waits', async () => {
    const queries = servePending({ count: 0, more: false });
    await renderItem();
    await waitFor(() => expect(queries).toHaveLength(1));
    const link = screen.getByRole('link', { name: 'Access inbox' });
    expect(link.querySelector('.MuiBadge-invisible')).not.toBeNull();
  });

  it('shows no badge when counting fails, and logs why', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const queries = servePending(500);
      await renderItem();
      await waitFor(() =>
        expect(warn).toHaveBeenCalledWith(
          'Could not count access requests waiting for you',
          expect.objectContaining({ statusCode: 500 }),
        ),
      );
      expect(queries).toHaveLength(1);
      expect(screen.getByRole('link', { name: 'Access inbox' })).toBeVisible();
    } finally {
      warn.mockRestore();
    }
  });

  it('counts again when the window regains focus', async () => {
    servePending({ count: 2, more: false }, { count: 5, more: false });
    await renderItem();
    await screen.findByRole('link', { name: 'Access inbox, 2 waiting' });
    act(() => {
      fireEvent.focus(window);
    });
    expect(
      await screen.findByRole('link', { name: 'Access inbox, 5 waiting' }),
    ).toBeInTheDocument();
  });

  it('counts again as soon as the page decides a request', async () => {
    servePending({ count: 3, more: false }, { count: 2, more: false });
    const decided = aRequest();
    server.use(
      http.post(`${API}/requests/:id/reject`, () =>
        HttpResponse.json({ ...decided, status: 'rejected' }),
      ),
    );
    await renderItem();
    await screen.findByRole('link', { name: 'Access inbox, 3 waiting' });
    const client = new DataProductsClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    });
    await act(async () => {
      await client.reject(decided.id, { reason: 'not needed' });
    });
    expect(
      await screen.findByRole('link', { name: 'Access inbox, 2 waiting' }),
    ).toBeInTheDocument();
  });

  it('counts again every minute', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      servePending({ count: 1, more: false }, { count: 4, more: false });
      await renderItem();
      await screen.findByRole('link', { name: 'Access inbox, 1 waiting' });
      act(() => {
        jest.advanceTimersByTime(60_000);
      });
      expect(
        await screen.findByRole('link', { name: 'Access inbox, 4 waiting' }),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });
});
