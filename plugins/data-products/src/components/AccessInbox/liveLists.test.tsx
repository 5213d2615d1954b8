import { registerMswTestHooks, TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { screen } from '@testing-library/react';
import {
  ACCESS_REQUESTS_SIGNAL_CHANNEL,
  AccessRequest,
} from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aRequest, API, OLAV } from '../decisions/__testUtils__/accessRequests';
import {
  accessRequestSignal,
  mockSignals,
} from '../decisions/__testUtils__/mockSignals';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { AccessInboxPage } from './AccessInboxPage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('the Access inbox, live', () => {
  it('shows a new request as soon as the backend signals it', async () => {
    const arrived = aRequest({ purpose: 'Arrived while the inbox was open' });
    const answers: AccessRequest[][] = [[], [arrived]];
    let served = 0;
    server.use(
      http.get(`${API}/requests`, () => {
        served += 1;
        return HttpResponse.json({
          items: answers[Math.min(served - 1, answers.length - 1)],
        });
      }),
    );
    const signals = mockSignals();
    await renderWithClient(
      <TestApiProvider apis={[[signalApiRef, signals.api]]}>
        <AccessInboxPage />
      </TestApiProvider>,
      {
        user: OLAV,
        ownershipEntityRefs: [OLAV, 'group:default/team-benefits'],
      },
    );
    await screen.findByText('Nothing waits for you');
    expect(screen.queryByText(arrived.purpose)).not.toBeInTheDocument();

    signals.send(
      ACCESS_REQUESTS_SIGNAL_CHANNEL,
      accessRequestSignal(arrived.id),
    );

    expect(await screen.findByText(arrived.purpose)).toBeInTheDocument();
    expect(served).toBe(2);
  });
});
