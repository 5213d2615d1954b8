import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Problem } from '@datamesh-governance/plugin-governance-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { adrIndex, maxDurationAdr } from '../../__testUtils__/fixtures';
import {
  governanceBaseUrl,
  renderGovernancePage,
} from '../../__testUtils__/renderGovernance';

// Typing into MUI fields is slow on small CI machines.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

function problem(
  fields: Partial<Problem> & Pick<Problem, 'id' | 'title'>,
): Problem {
  return {
    description: 'Consumers poll the stream to find out.',
    entityRefs: ['dataproduct:default/benefit-applications-stream'],
    raisedBy: 'user:default/ada.analyst',
    createdAt: '2026-11-30T10:00:00.000Z',
    status: 'open',
    supportCount: 0,
    supportedByMe: false,
    ...fields,
  };
}

const stale = problem({
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Nobody knows how fresh the stream is',
  supportCount: 3,
  adr: {
    id: maxDurationAdr.id,
    title: maxDurationAdr.title,
    status: 'proposed',
    found: true,
  },
});
const quiet = problem({
  id: '22222222-2222-4222-8222-222222222222',
  title: 'Domains name their products differently',
  entityRefs: ['domain:default/employment'],
});

function serveProblems(
  pages: Record<string, { items: Problem[]; nextCursor?: string }>,
) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${governanceBaseUrl}/problems`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      return HttpResponse.json(
        pages[query.get('cursor') ?? ''] ?? { items: [] },
      );
    }),
  );
  return queries;
}

describe('ProblemsPage', () => {
  it('says so when nobody has raised a problem, under a Problems tab', async () => {
    serveProblems({});
    await renderGovernancePage('/governance/problems');
    expect(await screen.findByText('No open problems')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Problems' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it("lists problems with their support and the answering ADR's status, linking to the ADR", async () => {
    serveProblems({ '': { items: [stale, quiet] } });
    await renderGovernancePage('/governance/problems');
    const list = await screen.findByRole('list', { name: 'Open problems' });
    const items = within(list).getAllByRole('listitem');
    expect(
      items.map(item => within(item).getByRole('heading').textContent),
    ).toEqual([stale.title, quiet.title]);
    expect(
      within(items[0]).getByRole('button', { name: /^Support: Nobody/ }),
    ).toHaveTextContent('3 supporters');
    expect(
      within(items[0]).getByRole('link', { name: maxDurationAdr.title }),
    ).toHaveAttribute('href', `/governance/adrs/${maxDurationAdr.id}`);
    expect(within(items[0]).getByText('proposed')).toBeInTheDocument();
  });

  it('supports a problem and withdraws the support again', async () => {
    serveProblems({ '': { items: [quiet] } });
    const calls: string[] = [];
    server.use(
      http.put(`${governanceBaseUrl}/problems/${quiet.id}/support`, () => {
        calls.push('support');
        return HttpResponse.json({
          ...quiet,
          supportCount: 1,
          supportedByMe: true,
        });
      }),
      http.delete(`${governanceBaseUrl}/problems/${quiet.id}/support`, () => {
        calls.push('withdraw');
        return HttpResponse.json(quiet);
      }),
    );
    await renderGovernancePage('/governance/problems');
    await userEvent.click(
      await screen.findByRole('button', { name: /^Support: / }),
    );
    const pressed = await screen.findByRole('button', {
      name: /^Withdraw support: /,
    });
    expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(pressed).toHaveTextContent('1 supporter');
    await userEvent.click(pressed);
    expect(
      await screen.findByRole('button', { name: /^Support: / }),
    ).toHaveTextContent('0 supporters');
    expect(calls).toEqual(['support', 'withdraw']);
  });

  it('raises a problem: focus moves into the form, it checks before sending, and the list reloads', async () => {
    const queries = serveProblems({ '': { items: [] } });
    let sent: unknown;
    server.use(
      http.post(`${governanceBaseUrl}/problems`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(problem({ id: quiet.id, ...(sent as any) }), {
          status: 201,
        });
      }),
    );
    const catalog = catalogApiMock({
      entities: [
        {
          apiVersion: 'datamesh/v1alpha1',
          kind: 'DataProduct',
          metadata: {
            name: 'benefit-decisions',
            namespace: 'default',
            title: 'Benefit decisions',
          },
        },
      ],
    });
    await renderGovernancePage('/governance/problems', { catalog });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Raise a problem' }),
    );
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveFocus();

    await userEvent.click(
      screen.getByRole('button', { name: 'Raise problem' }),
    );
    expect(await screen.findByText('write a title')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await userEvent.type(
      screen.getByRole('textbox', { name: /Title/ }),
      'Decisions arrive late',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Description/ }),
      'Case workers wait a day.',
    );
    await userEvent.click(
      screen.getByRole('textbox', { name: /Data products and domains/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: /Benefit decisions/ }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Raise problem' }),
    );

    expect(
      await screen.findByText(/Your problem “Decisions arrive late” is raised/),
    ).toBeInTheDocument();
    expect(sent).toEqual({
      title: 'Decisions arrive late',
      description: 'Case workers wait a day.',
      entityRefs: ['dataproduct:default/benefit-decisions'],
    });
    await waitFor(() => expect(queries.length).toBe(2));
  });

  it("puts the backend's field issues next to their fields", async () => {
    serveProblems({});
    server.use(
      http.post(`${governanceBaseUrl}/problems`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid request',
              issues: [
                {
                  path: '/body/title',
                  message: 'keep the title under 200 characters',
                },
              ],
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await renderGovernancePage('/governance/problems');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Raise a problem' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Title/ }),
      'A title',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Description/ }),
      'Why',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Raise problem' }),
    );
    expect(
      await screen.findByText('keep the title under 200 characters'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveValue(
      'A title',
    );
  });

  it('lets the forum link an ADR and close a problem', async () => {
    serveProblems({ '': { items: [quiet] } });
    server.use(
      http.get(`${governanceBaseUrl}/adrs`, () => HttpResponse.json(adrIndex)),
    );
    let linked: unknown;
    let closed: unknown;
    server.use(
      http.put(
        `${governanceBaseUrl}/problems/${quiet.id}/adr`,
        async ({ request }) => {
          linked = await request.json();
          return HttpResponse.json({
            ...quiet,
            adr: {
              id: maxDurationAdr.id,
              title: maxDurationAdr.title,
              status: 'proposed',
              found: true,
            },
          });
        },
      ),
      http.post(
        `${governanceBaseUrl}/problems/${quiet.id}/close`,
        async ({ request }) => {
          closed = await request.json();
          return HttpResponse.json({
            ...quiet,
            status: 'closed',
            closeReason: 'Done',
          });
        },
      ),
    );
    await renderGovernancePage('/governance/problems');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Link ADR' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /^ADR/ }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: new RegExp(maxDurationAdr.title),
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link ADR' }),
    );
    expect(
      await screen.findByRole('link', { name: maxDurationAdr.title }),
    ).toBeInTheDocument();
    expect(linked).toEqual({ adrId: maxDurationAdr.id });

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await userEvent.type(
      await screen.findByRole('textbox', { name: /Reason/ }),
      'Done',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Close problem' }),
    );
    await waitFor(() => expect(closed).toEqual({ reason: 'Done' }));
  });

  it('loads the next page with the cursor it was given', async () => {
    const queries = serveProblems({
      '': { items: [stale], nextCursor: 'abc' },
      abc: { items: [quiet] },
    });
    await renderGovernancePage('/governance/problems');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show more problems' }),
    );
    expect(await screen.findByText(quiet.title)).toBeInTheDocument();
    expect(screen.getByText(stale.title)).toBeInTheDocument();
    expect(queries.map(q => q.get('cursor'))).toEqual([null, 'abc']);
    expect(
      screen.queryByRole('button', { name: 'Show more problems' }),
    ).not.toBeInTheDocument();
  });
});
