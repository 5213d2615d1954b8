import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import {
  Adr,
  AdrStatusHistory,
  emptyOpinionCounts,
} from '@datamesh-governance/plugin-governance-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  legalBasisAdr,
  maxDurationAdr,
  opinion,
  summaryOf,
  withContent,
} from '../../__testUtils__/fixtures';
import {
  governanceBaseUrl,
  renderGovernancePage,
} from '../../__testUtils__/renderGovernance';

const server = setupServer();
registerMswTestHooks(server);

const LEO = 'user:default/leo.legal';
const BO = 'user:default/bo.business';

const weighed = [
  opinion({
    adrId: legalBasisAdr.id,
    authorRef: BO,
    perspective: 'business',
    stance: 'support',
    comment: 'Saves us audits.',
    updatedAt: '2024-02-20T09:00:00.000Z',
  }),
  opinion({
    adrId: legalBasisAdr.id,
    authorRef: LEO,
    perspective: 'legal',
    stance: 'concern',
    comment: 'Name the national law too.',
    updatedAt: '2024-02-19T09:00:00.000Z',
  }),
];

const counts = emptyOpinionCounts();
counts.business.support = 1;
counts.legal.concern = 1;

const first = {
  adrId: legalBasisAdr.id,
  sequence: 1,
  toStatus: 'proposed' as const,
  adrDate: '2024-02-01',
  seenAt: '2024-02-01T08:00:00.000Z',
};
const accepted = {
  adrId: legalBasisAdr.id,
  sequence: 2,
  fromStatus: 'proposed' as const,
  toStatus: 'accepted' as const,
  adrDate: '2024-03-01',
  seenAt: '2024-03-01T10:00:00.000Z',
  snapshot: { counts, opinions: weighed },
};

/** Serves one ADR's page; counts how often the status history was asked for. */
function serve(adr: Adr, history: AdrStatusHistory) {
  const base = `${governanceBaseUrl}/adrs/${adr.id}`;
  const asked = { statusHistory: 0 };
  server.use(
    http.get(base, () => HttpResponse.json(withContent(adr, '## Decision'))),
    http.get(`${base}/opinions`, () =>
      HttpResponse.json(summaryOf(weighed, adr.status === 'proposed')),
    ),
    http.get(`${base}/status-history`, () => {
      asked.statusHistory += 1;
      return HttpResponse.json(history);
    }),
    http.get(`${governanceBaseUrl}/policies`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
  return asked;
}

describe('the decision record on the ADR page', () => {
  it('says when it was decided and how many opinions it weighed, with the snapshot and the history', async () => {
    serve(legalBasisAdr, { items: [first, accepted], decision: accepted });
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);

    expect(
      await screen.findByText('Decided on 2024-03-01 weighing 2 opinions'),
    ).toBeInTheDocument();

    const table = screen.getByRole('table', {
      name: 'Opinions weighed by perspective',
    });
    const row = (perspective: string) =>
      Array.from(
        within(table)
          .getAllByRole('row')
          .find(r => r.firstElementChild?.textContent === perspective)
          ?.children ?? [],
      )
        .slice(1)
        .map(cell => cell.textContent);
    expect(row('legal')).toEqual(['0', '1', '0']);
    expect(row('business')).toEqual(['1', '0', '0']);
    expect(row('consumer')).toEqual(['0', '0', '0']);

    const list = screen.getByRole('list', { name: 'Opinions weighed' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringMatching(
        /bo\.business.*Support.*as business.*Saves us audits\./,
      ),
      expect.stringMatching(
        /leo\.legal.*Concern.*as legal.*Name the national law too\./,
      ),
    ]);

    const timeline = screen.getByRole('list', { name: 'Status history' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^2024-02-01 · first seen as proposed/),
      expect.stringMatching(/^2024-03-01 · proposed → accepted/),
    ]);
  });

  it('shows the history alone when the portal did not see the decision happen', async () => {
    const seenDecided = { ...first, toStatus: 'accepted' as const };
    const deprecated = {
      ...first,
      sequence: 2,
      fromStatus: 'accepted' as const,
      toStatus: 'deprecated' as const,
      adrDate: '2024-05-01',
    };
    serve(
      { ...legalBasisAdr, status: 'deprecated' },
      { items: [seenDecided, deprecated] },
    );
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);

    const timeline = await screen.findByRole('list', {
      name: 'Status history',
    });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^2024-02-01 · first seen as accepted/),
      expect.stringMatching(/^2024-05-01 · accepted → deprecated/),
    ]);
    expect(screen.queryByText(/^Decided on/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Opinions weighed by perspective' }),
    ).not.toBeInTheDocument();
  });

  it('adds nothing to an ADR the portal has only ever seen as it is', async () => {
    const asked = serve(legalBasisAdr, {
      items: [{ ...first, toStatus: 'accepted' }],
    });
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);
    await screen.findByText(/Opinions are closed/);
    await waitFor(() => expect(asked.statusHistory).toBe(1));
    expect(
      screen.queryByRole('list', { name: 'Status history' }),
    ).not.toBeInTheDocument();
  });

  it('leaves a proposed ADR as it was: no decision, no history asked for', async () => {
    const asked = serve(maxDurationAdr, { items: [first] });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    expect(
      await screen.findByRole('form', { name: 'Your opinion' }),
    ).toBeInTheDocument();
    expect(asked.statusHistory).toBe(0);
    expect(
      screen.queryByRole('list', { name: 'Status history' }),
    ).not.toBeInTheDocument();
  });

  it('says "1 opinion" and when nobody had given one', async () => {
    const single = {
      ...accepted,
      snapshot: { counts: emptyOpinionCounts(), opinions: [weighed[0]] },
    };
    serve(legalBasisAdr, { items: [first, single], decision: single });
    const { unmount } = await renderGovernancePage(
      `/governance/adrs/${legalBasisAdr.id}`,
    );
    expect(
      await screen.findByText('Decided on 2024-03-01 weighing 1 opinion'),
    ).toBeInTheDocument();
    unmount();

    const none = {
      ...accepted,
      adrDate: undefined,
      snapshot: { counts: emptyOpinionCounts(), opinions: [] },
    };
    serve(legalBasisAdr, { items: [first, none], decision: none });
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);
    // No date in the file: the day the portal saw the decision.
    expect(
      await screen.findByText('Decided on 2024-03-01 weighing 0 opinions'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nobody had given an opinion when it was decided.'),
    ).toBeInTheDocument();
  });
});
