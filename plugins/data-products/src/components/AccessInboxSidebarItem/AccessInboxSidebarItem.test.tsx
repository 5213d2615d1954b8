import {
  SidebarOpenStateProvider,
  SidebarPinStateProvider,
} from '@backstage/core-components';
import { registerMswTestHooks } from '@backstage/test-utils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MockFetchApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import {
  accessRequestSignal,
  mockSignals,
} from '../decisions/__testUtils__/mockSignals';
import { ACCESS_REQUESTS_SIGNAL_CHANNEL } from '@datamesh-governance/plugin-data-products-common';
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

/**
 * Without `signals`, the app has no signals API (the plugin is not installed).
 * The sidebar is collapsed unless `open`.
 */
const renderItem = (signals?: SignalApi, open = false) => {
  const item = (
    <SidebarOpenStateProvider value={{ isOpen: open, setOpen: () => {} }}>
      <AccessInboxSidebarItem />
    </SidebarOpenStateProvider>
  );
  return renderWithClient(
    <SidebarPinStateProvider
      value={{
        isPinned: true,
        toggleSidebarPinState: () => {},
        isMobile: false,
      }}
    >
      {signals ? (
        <TestApiProvider apis={[[signalApiRef, signals]]}>
          {item}
        </TestApiProvider>
      ) : (
        item
      )}
    </SidebarPinStateProvider>,
    { user: OLAV },
  );
};

/** Our count on the icon, when shown (not SidebarItem's own notification dot). */
const iconBadge = '.MuiBadge-badge:not(.MuiBadge-dot):not(.MuiBadge-invisible)';

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

  it('in the open sidebar, shows the count after the label, so the visible text reads as the name starts', async () => {
    servePending({ count: 3, more: false });
    await renderItem(undefined, true);
    const link = await screen.findByRole('link', {
      name: 'Access inbox, 3 waiting',
    });
    // "Access inbox 3": the label, a space, the count (WCAG 2.5.3).
    expect(link.textContent).toBe('Access inbox 3');
    expect(link.querySelector(iconBadge)).toBeNull();
  });

  it('in the collapsed sidebar, which shows no label, puts the count on the icon', async () => {
    servePending({ count: 3, more: false });
    await renderItem(undefined, false);
    const link = await screen.findByRole('link', {
      name: 'Access inbox, 3 waiting',
    });
    expect(link.textContent).toBe('3');
    expect(link.querySelector(iconBadge)).toHaveTextContent('3');
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

  it('counts again, once, when the backend signals a burst of changes', async () => {
    const queries = servePending(
      { count: 3, more: false },
      { count: 8, more: false },
    );
    const signals = mockSignals();
    await renderItem(signals.api);
    await screen.findByRole('link', { name: 'Access inbox, 3 waiting' });
    // A bulk decision of five requests: five signals, one count.
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      signals.send(ACCESS_REQUESTS_SIGNAL_CHANNEL, accessRequestSignal(id));
    }
    expect(
      await screen.findByRole('link', { name: 'Access inbox, 8 waiting' }),
    ).toBeInTheDocument();
    expect(queries).toHaveLength(2);
  });

  it('ignores signals on other channels', async () => {
    const queries = servePending({ count: 3, more: false });
    const signals = mockSignals();
    await renderItem(signals.api);
    await screen.findByRole('link', { name: 'Access inbox, 3 waiting' });
    signals.send('notifications', { action: 'new_notification' });
    await new Promise(resolve => setTimeout(resolve, 600));
    expect(queries).toHaveLength(1);
  });

  describe('polling', () => {
    /** Gives a count that was started time to arrive, and checks that none did. */
    const expectNoRecount = (name: string) =>
      expect(
        screen.findByRole('link', { name }, { timeout: 1000 }),
      ).rejects.toThrow();
    const findCount = (name: string) => screen.findByRole('link', { name });

    // Only the clock of intervals is faked: answers and waits run in real time.
    beforeEach(() => {
      jest.useFakeTimers({
        doNotFake: [
          'Date',
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setTimeout',
          'clearTimeout',
        ],
      });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('does not poll where signals tell of changes', async () => {
      const queries = servePending(
        { count: 1, more: false },
        { count: 4, more: false },
      );
      await renderItem(mockSignals().api);
      await findCount('Access inbox, 1 waiting');
      act(() => {
        jest.advanceTimersByTime(30 * 60_000);
      });
      await expectNoRecount('Access inbox, 4 waiting');
      expect(queries).toHaveLength(1);
    });

    it('without signals, counts again every five minutes and not every minute', async () => {
      const queries = servePending(
        { count: 1, more: false },
        { count: 4, more: false },
      );
      await renderItem();
      await findCount('Access inbox, 1 waiting');
      act(() => {
        jest.advanceTimersByTime(4 * 60_000);
      });
      await expectNoRecount('Access inbox, 4 waiting');
      expect(queries).toHaveLength(1);
      act(() => {
        jest.advanceTimersByTime(60_000);
      });
      expect(await findCount('Access inbox, 4 waiting')).toBeInTheDocument();
    });
  });

  it('without signals, counts again as soon as the page decides a request', async () => {
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
});
