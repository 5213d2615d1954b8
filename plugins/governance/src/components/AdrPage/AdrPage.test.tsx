import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Adr,
  Opinion,
  OpinionInput,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  legalBasisAdr,
  maxDurationAdr,
  maxDurationCompliance,
  opinion,
  summaryOf,
  teamAdr,
  withContent,
} from '../../__testUtils__/fixtures';
import {
  governanceBaseUrl,
  renderGovernancePage,
  signedInUser,
} from '../../__testUtils__/renderGovernance';

const server = setupServer();
registerMswTestHooks(server);

const hostileMarkdown = `## Context

See [the earlier decision](./0004-max-one-year.md) and [the template](../templates/adr.md#options).

![Flow](./images/flow.png)

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1))

<a href="javascript:alert(2)" onclick="alert(3)">raw link</a>
`;

/**
 * Serves one ADR as the backend would, keeping opinions in memory so that a
 * PUT shows up in the next GET. Returns what the PUTs carried.
 */
function serveAdr(
  adr: Adr,
  options: {
    markdown?: string;
    opinions?: Opinion[];
    policies?: PolicyCompliance[];
    open?: boolean;
  } = {},
) {
  let opinions = [...(options.opinions ?? [])];
  const received: unknown[] = [];
  const base = `${governanceBaseUrl}/adrs/${adr.id}`;
  server.use(
    http.get(base, () =>
      HttpResponse.json(withContent(adr, options.markdown ?? '## Decision')),
    ),
    http.get(`${base}/opinions`, () =>
      HttpResponse.json(
        summaryOf(opinions, options.open ?? adr.status === 'proposed'),
      ),
    ),
    http.put(`${base}/opinions/mine`, async ({ request }) => {
      const body = (await request.json()) as OpinionInput;
      received.push(body);
      if (body.comment.includes('forbidden')) {
        return HttpResponse.json(
          {
            error: {
              name: 'InputError',
              // The form reads the issues, not the message.
              message: 'Invalid request',
              issues: [
                { path: '/body/comment', message: 'must not say forbidden' },
              ],
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        );
      }
      const previous = opinions.find(o => o.authorRef === signedInUser);
      const saved = opinion({
        ...body,
        adrId: adr.id,
        authorRef: signedInUser,
        revision: (previous?.revision ?? 0) + 1,
      });
      opinions = [saved, ...opinions.filter(o => o !== previous)];
      return HttpResponse.json(saved);
    }),
    // A decided ADR's page asks how it was decided; the portal saw nothing here.
    http.get(`${base}/status-history`, () => HttpResponse.json({ items: [] })),
    http.get(`${governanceBaseUrl}/policies`, ({ request }) => {
      const adrId = new URL(request.url).searchParams.get('adrId');
      return HttpResponse.json({
        items: adrId === adr.id ? options.policies ?? [] : [],
      });
    }),
  );
  return received;
}

function countsRow(perspective: string) {
  const table = screen.getByRole('table', { name: 'Opinions by perspective' });
  const row = within(table)
    .getAllByRole('row')
    .find(r => r.firstElementChild?.textContent === perspective);
  return Array.from(row?.children ?? [])
    .slice(1)
    .map(cell => cell.textContent);
}

describe('AdrPage', () => {
  it('renders the Markdown inert: no scripts, no event handlers, no javascript: links', async () => {
    serveAdr(maxDurationAdr, { markdown: hostileMarkdown });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    // The Markdown renderer is loaded on first use, which is slow on a cold test run.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Context' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('[onerror], [onclick]')).toBeNull();
    const hrefs = Array.from(document.querySelectorAll('[href], [src]')).map(
      el => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
    );
    expect(hrefs.filter(href => /^\s*javascript:/i.test(href))).toEqual([]);
    // The neutralised links are left as plain text.
    expect(screen.getByText('x')).not.toHaveAttribute('href');
    expect(screen.getByText('raw link').closest('a')).toBeNull();
  }, 30_000);

  it('resolves relative links and images against the source, and opens sibling ADRs here', async () => {
    serveAdr(maxDurationAdr, { markdown: hostileMarkdown });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    expect(
      await screen.findByRole(
        'link',
        { name: 'the earlier decision' },
        { timeout: 20_000 },
      ),
    ).toHaveAttribute('href', '/governance/adrs/decisions--0004-max-one-year');
    expect(screen.getByRole('link', { name: /the template/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/forum/blob/main/templates/adr.md#options',
    );
    expect(screen.getByRole('img', { name: 'Flow' })).toHaveAttribute(
      'src',
      'https://github.com/acme/forum/blob/main/decisions/images/flow.png',
    );
    expect(screen.getByRole('link', { name: /View source/ })).toHaveAttribute(
      'href',
      maxDurationAdr.url,
    );
  }, 30_000);

  it('renders links with broken percent-encoding as plain text, and the rest of the page', async () => {
    serveAdr(maxDurationAdr, {
      markdown: [
        '## Context',
        '',
        'See [the broken one](./%E0%A4%A.md), [another](%zz.md)',
        'and [the earlier decision](./0004-max-one-year.md).',
      ].join('\n'),
    });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Context' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    // Left as words in the paragraph, with no link around them.
    expect(screen.getByText(/See the broken one, another/).tagName).toBe('P');
    for (const text of ['the broken one', 'another']) {
      expect(screen.queryByRole('link', { name: text })).toBeNull();
    }
    expect(
      screen.getByRole('link', { name: 'the earlier decision' }),
    ).toHaveAttribute('href', '/governance/adrs/decisions--0004-max-one-year');
    expect(
      screen.getByRole('heading', { name: maxDurationAdr.title }),
    ).toBeInTheDocument();
  }, 30_000);

  it('shows the header: title, status, date and deciders', async () => {
    serveAdr(legalBasisAdr);
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);

    expect(
      await screen.findByRole('heading', { name: legalBasisAdr.title }),
    ).toBeInTheDocument();
    expect(screen.getByText('accepted')).toBeInTheDocument();
    expect(
      screen.getByText(/Decided 2024-03-01 · Deciders: Legal, Platform/),
    ).toBeInTheDocument();
  });

  it('dates a proposed ADR as proposed, not decided', async () => {
    serveAdr(maxDurationAdr);
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    expect(
      await screen.findByText(new RegExp(`^Proposed ${maxDurationAdr.date}`)),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Decided/)).not.toBeInTheDocument();
  });

  it("marks a team's decision in the header", async () => {
    serveAdr(teamAdr);
    await renderGovernancePage(`/governance/adrs/${teamAdr.id}`);

    expect(
      await screen.findByRole('heading', { name: teamAdr.title }),
    ).toBeInTheDocument();
    expect(screen.getByText('Team decision')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View source/ })).toHaveAttribute(
      'href',
      teamAdr.url,
    );
  });

  it('offers no source link for an ADR from a local folder, whose url is a relative path', async () => {
    const local = { ...legalBasisAdr, url: 'governance/decisions/0002-x.md' };
    serveAdr(local);
    await renderGovernancePage(`/governance/adrs/${local.id}`);

    expect(
      await screen.findByRole('heading', { name: local.title }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /View source/ })).toBeNull();
    expect(screen.queryByText('Team decision')).toBeNull();
  });

  it('shows each policy with its compliance and the failing data products', async () => {
    serveAdr(maxDurationAdr, { policies: [maxDurationCompliance] });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    const policy = await screen.findByRole('region', {
      name: 'Personal data access is time-limited',
    });
    expect(
      within(policy).getByText('1 / 3 data products comply'),
    ).toBeInTheDocument();
    expect(within(policy).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '33',
    );
    // Proposed: the products would fail if it were accepted; none fails yet.
    expect(
      screen.getByText('Policies this proposal would introduce'),
    ).toBeInTheDocument();
    expect(
      within(policy).getByText('2 data products would fail if accepted'),
    ).toBeInTheDocument();
    const failing = within(policy).getByRole('list', {
      name: 'Would fail if accepted: Personal data access is time-limited',
    });
    expect(
      within(failing).getByRole('link', { name: /Benefit decisions/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/benefit-decisions');
    expect(
      within(failing).getByText('decisions_v1 allows P365D'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: /payments/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/payments');
    expect(
      within(failing).getByText('payments_v2 has no maxDuration'),
    ).toBeInTheDocument();
  });

  it("lists an accepted ADR's failing products as failing", async () => {
    const accepted: Adr = { ...maxDurationAdr, status: 'accepted' };
    serveAdr(accepted, {
      policies: [
        {
          ...maxDurationCompliance,
          adrs: [
            { id: accepted.id, title: accepted.title, status: 'accepted' },
          ],
          enforcement: 'enforced',
        },
      ],
    });
    await renderGovernancePage(`/governance/adrs/${accepted.id}`);

    const policy = await screen.findByRole('region', {
      name: 'Personal data access is time-limited',
    });
    expect(
      screen.getByText('Policies this decision introduces'),
    ).toBeInTheDocument();
    expect(
      within(policy).getByRole('list', {
        name: 'Failing Personal data access is time-limited',
      }),
    ).toBeInTheDocument();
    expect(within(policy).queryByText(/would fail/)).toBeNull();
  });

  it('counts the current opinions per perspective and stance, and lists them', async () => {
    serveAdr(maxDurationAdr, {
      opinions: [
        opinion({
          authorRef: 'user:default/bob',
          perspective: 'consumer',
          stance: 'support',
        }),
        opinion({
          authorRef: 'user:default/erin',
          perspective: 'consumer',
          stance: 'support',
        }),
        opinion({
          authorRef: 'user:default/carol',
          perspective: 'legal',
          stance: 'object',
          comment: 'Too long for special categories.',
          revision: 3,
        }),
        opinion({
          authorRef: 'user:default/dave',
          perspective: 'legal',
          stance: 'concern',
        }),
      ],
    });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    await screen.findByRole('table', { name: 'Opinions by perspective' });
    expect(countsRow('consumer')).toEqual(['2', '0', '0']);
    expect(countsRow('legal')).toEqual(['0', '1', '1']);
    expect(countsRow('platform')).toEqual(['0', '0', '0']);
    const list = screen.getByRole('list', { name: 'Opinions' });
    expect(
      within(list).getByText('Too long for special categories.'),
    ).toBeInTheDocument();
    expect(within(list).getByText(/changed 2 times/)).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: /carol/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/carol',
    );
  });

  it('records an opinion without naming its author, and the counts follow', async () => {
    const received = serveAdr(maxDurationAdr);
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    await screen.findByRole('heading', { name: 'Give your opinion' });
    await userEvent.click(screen.getByRole('radio', { name: 'Concern' }));
    await userEvent.click(
      screen.getByRole('button', { name: /Perspective you speak for/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'platform' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Comment' }),
      'Provisioners cannot revoke that fast.',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Record opinion' }),
    );

    expect(
      await screen.findByText('Your opinion is recorded.'),
    ).toBeInTheDocument();
    expect(received).toEqual([
      {
        stance: 'concern',
        perspective: 'platform',
        comment: 'Provisioners cannot revoke that fast.',
      },
    ]);
    expect(received[0]).not.toHaveProperty('author');
    expect(received[0]).not.toHaveProperty('authorRef');
    expect(countsRow('platform')).toEqual(['0', '1', '0']);
    expect(
      screen.getByRole('heading', { name: 'Change your opinion' }),
    ).toBeInTheDocument();
  }, 30_000);

  it("pre-fills the form with the user's current opinion, and keeps what was typed when the backend rejects it", async () => {
    const received = serveAdr(maxDurationAdr, {
      opinions: [
        opinion({
          authorRef: signedInUser,
          perspective: 'legal',
          stance: 'object',
          comment: 'Not without a DPIA.',
        }),
      ],
    });
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    await screen.findByRole('heading', { name: 'Change your opinion' });
    expect(screen.getByRole('radio', { name: 'Object' })).toBeChecked();
    expect(
      screen.getByRole('button', { name: /Perspective you speak for/ }),
    ).toHaveTextContent('legal');
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    expect(comment).toHaveValue('Not without a DPIA.');

    await userEvent.type(comment, ' This is forbidden.');
    await userEvent.click(
      screen.getByRole('button', { name: 'Update opinion' }),
    );

    expect(
      await screen.findByText('must not say forbidden'),
    ).toBeInTheDocument();
    expect(comment).toHaveValue('Not without a DPIA. This is forbidden.');
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Invalid request')).toBeNull();
    expect(received).toHaveLength(1);
  }, 30_000);

  it('checks the form before sending it', async () => {
    const received = serveAdr(maxDurationAdr);
    await renderGovernancePage(`/governance/adrs/${maxDurationAdr.id}`);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Record opinion' }),
    );

    expect(screen.getByText('Choose a stance')).toBeInTheDocument();
    expect(
      screen.getByText('Choose the perspective you speak for'),
    ).toBeInTheDocument();
    expect(screen.getByText('say briefly why')).toBeInTheDocument();
    expect(received).toEqual([]);
  });

  it('says opinions are closed on an accepted ADR, and offers no form', async () => {
    serveAdr(legalBasisAdr, {
      opinions: [
        opinion({ adrId: legalBasisAdr.id, authorRef: 'user:default/bob' }),
      ],
    });
    await renderGovernancePage(`/governance/adrs/${legalBasisAdr.id}`);

    expect(
      await screen.findByText(
        /Opinions are closed because this decision is accepted/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /opinion/ }),
    ).not.toBeInTheDocument();
    expect(countsRow('consumer')).toEqual(['1', '0', '0']);
  });

  it('shows a 404 from the backend', async () => {
    server.use(
      http.get(`${governanceBaseUrl}/adrs/decisions--nope`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No ADR decisions--nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderGovernancePage('/governance/adrs/decisions--nope');

    expect(
      (await screen.findAllByText(/No ADR decisions--nope/)).length,
    ).toBeGreaterThan(0);
  });
});
