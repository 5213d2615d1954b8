import { mockServices } from '@backstage/backend-test-utils';
import { registeredChecks } from './proposals';

/** The one problem the fake governance backend knows. */
const RAISED_PROBLEM = '3f0c7a4e-8d2b-4c1e-9a57-0b6d2e1f4a90';

/**
 * The actions' options with `fetch` answering as the governance backend
 * would: the registered checks, and the forum's ADRs 0001–0008 (and a team
 * ADR 0042, which does not count). Answers the requests it saw.
 */
export function fakeGovernance() {
  const requests: { url: string; authorization: string | null }[] = [];
  jest.spyOn(global, 'fetch').mockImplementation(async (url, init) => {
    const path = String(url).replace(/^.*\/api\/governance/, '');
    requests.push({
      url: path,
      authorization: new Headers(init?.headers).get('authorization'),
    });
    if (path === '/policies') {
      return Response.json({ items: registeredChecks });
    }
    if (path === '/adrs') {
      return Response.json({
        items: [
          ...[1, 2, 3, 4, 5, 6, 7, 8].map(n => ({
            trust: 'forum',
            fileName: `000${n}-x.md`,
          })),
          { trust: 'team', fileName: '0042-team-decision.md' },
        ],
      });
    }
    if (path === `/problems/${RAISED_PROBLEM}`) {
      return Response.json({ id: RAISED_PROBLEM, title: 'No support contact' });
    }
    return new Response('not found', { status: 404 });
  });
  return {
    options: {
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
    },
    requests,
  };
}
