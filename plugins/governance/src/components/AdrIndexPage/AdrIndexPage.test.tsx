import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdrIndex } from '@datamesh-governance/plugin-governance-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  adrIndex,
  legalBasisAdr,
  maxDurationAdr,
  oldDurationAdr,
  teamAdr,
} from '../../__testUtils__/fixtures';
import {
  governanceBaseUrl,
  renderGovernancePage,
} from '../../__testUtils__/renderGovernance';

const server = setupServer();
registerMswTestHooks(server);

function serveIndex(index: AdrIndex) {
  server.use(
    http.get(`${governanceBaseUrl}/adrs`, () => HttpResponse.json(index)),
  );
}

const allTitles = [legalBasisAdr, maxDurationAdr, oldDurationAdr, teamAdr].map(
  adr => adr.title,
);

function visibleTitles() {
  return allTitles.filter(title => screen.queryByRole('link', { name: title }));
}

async function choose(filter: string, option: string) {
  // The select's name is its label and current value; the table header's is the label alone.
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(`^${filter} \\w`) }),
  );
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('AdrIndexPage', () => {
  it('lists every ADR with its status, date, deciders, policies and source, linking to its page', async () => {
    serveIndex(adrIndex);
    await renderGovernancePage('/governance');

    const link = await screen.findByRole('link', {
      name: maxDurationAdr.title,
    });
    expect(link).toHaveAttribute(
      'href',
      '/governance/adrs/decisions--0005-max-180-days',
    );
    expect(visibleTitles()).toEqual(allTitles);
    const row = link.closest('tr')!;
    expect(within(row).getByText('proposed')).toBeInTheDocument();
    expect(within(row).getByText('2024-06-10')).toBeInTheDocument();
    expect(
      within(row).getByText('personal-data-max-duration'),
    ).toBeInTheDocument();
    const teamRow = screen
      .getByRole('link', { name: teamAdr.title })
      .closest('tr')!;
    expect(within(teamRow).getByText('rejected')).toBeInTheDocument();
    expect(
      within(teamRow).getByText('component:default/benefits'),
    ).toBeInTheDocument();
    expect(within(teamRow).getByText('Team decision')).toBeInTheDocument();
    expect(within(row).queryByText('Team decision')).toBeNull();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
  });

  it('filters by status, policy and text', async () => {
    serveIndex(adrIndex);
    await renderGovernancePage('/governance');
    await screen.findByRole('link', { name: maxDurationAdr.title });

    await choose('Status', 'proposed');
    expect(visibleTitles()).toEqual([maxDurationAdr.title]);

    await choose('Status', 'All');
    await choose('Policy', 'personal-data-max-duration');
    expect(visibleTitles()).toEqual([
      maxDurationAdr.title,
      oldDurationAdr.title,
    ]);

    await choose('Policy', 'All');
    await userEvent.type(
      screen.getByLabelText('Search title or policy'),
      'legal-basis',
    );
    expect(visibleTitles()).toEqual([legalBasisAdr.title]);

    await userEvent.clear(screen.getByLabelText('Search title or policy'));
    await userEvent.type(
      screen.getByLabelText('Search title or policy'),
      'OWNS',
    );
    expect(visibleTitles()).toEqual([teamAdr.title]);
  }, 30_000);

  it('reads the filters from the URL, so a filtered list can be linked to', async () => {
    serveIndex(adrIndex);
    await renderGovernancePage('/governance?status=proposed');

    expect(
      await screen.findByRole('link', { name: maxDurationAdr.title }),
    ).toBeInTheDocument();
    expect(visibleTitles()).toEqual([maxDurationAdr.title]);
    expect(screen.getByText('Decisions (1 of 4)')).toBeInTheDocument();
  });

  it('names each source that failed and its error, and still lists what was last read', async () => {
    serveIndex({
      ...adrIndex,
      sources: [
        adrIndex.sources[0],
        {
          ...adrIndex.sources[1],
          ok: false,
          error: 'NotFoundError: docs/adr does not exist',
          lastReadAt: '2024-06-01T08:00:00.000Z',
        },
      ],
    });
    await renderGovernancePage('/governance');

    expect(
      await screen.findByText(/One ADR source could not be read/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Showing what was last read/)).toBeInTheDocument();
    expect(
      screen.getByText('component:default/benefits', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/docs\/adr does not exist/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: teamAdr.title }),
    ).toBeInTheDocument();
  });

  it('lists malformed files in a collapsed panel', async () => {
    serveIndex({
      ...adrIndex,
      problems: [
        {
          sourceId: 'decisions',
          fileName: '0009-draft.md',
          message: 'no title',
        },
      ],
    });
    await renderGovernancePage('/governance');

    const summary = await screen.findByRole('button', {
      name: '1 file could not be read as an ADR',
    });
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(summary);
    expect(summary).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('decisions: 0009-draft.md')).toBeVisible();
    expect(screen.getByText('no title')).toBeVisible();
  });

  it('says what to configure when there are no ADRs', async () => {
    serveIndex({ items: [], sources: [], problems: [] });
    await renderGovernancePage('/governance');

    expect(
      await screen.findByText('No decisions recorded yet'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/governance.adrs.locations|locations:/).length,
    ).toBeGreaterThan(0);
  });

  it('shows the backend error instead of an empty list', async () => {
    server.use(
      http.get(`${governanceBaseUrl}/adrs`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    await renderGovernancePage('/governance');

    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText('No decisions recorded yet'),
    ).not.toBeInTheDocument();
  });
});
