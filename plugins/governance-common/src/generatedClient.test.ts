import { GovernanceApiClient } from './generated';

function recordingClient() {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = new GovernanceApiClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: {
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response('{}', { status: 200 });
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

describe('the generated GovernanceApiClient', () => {
  it('calls each operation at its path, with ids and queries encoded', async () => {
    const { client, calls } = recordingClient();
    const adr = { path: { adrId: 'a/b c' } };
    await client.listAdrs({});
    await client.getAdr(adr);
    await client.getOpinions(adr);
    await client.getOpinionHistory(adr);
    await client.listPolicies({});
    await client.listPolicies({ query: { adrId: 'decisions--0005' } });
    await client.getEntityChecks({
      query: { entityRef: 'dataproduct:default/x&y' },
    });
    expect(calls.map(c => `${c.init.method} ${c.url}`)).toEqual([
      'GET http://backend/api/governance/adrs',
      'GET http://backend/api/governance/adrs/a%2Fb%20c',
      'GET http://backend/api/governance/adrs/a%2Fb%20c/opinions',
      'GET http://backend/api/governance/adrs/a%2Fb%20c/opinions/history',
      'GET http://backend/api/governance/policies',
      'GET http://backend/api/governance/policies?adrId=decisions--0005',
      'GET http://backend/api/governance/checks?entityRef=dataproduct%3Adefault%2Fx%26y',
    ]);
  });

  it('sends an opinion as JSON, and a token when given one', async () => {
    const { client, calls } = recordingClient();
    const body = {
      stance: 'support' as const,
      perspective: 'legal' as const,
      comment: 'Yes',
    };
    await client.recordOpinion(
      { path: { adrId: 'decisions--0008' }, body },
      { token: 'abc' },
    );
    expect(calls[0].init).toEqual({
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer abc',
      },
      body: JSON.stringify(body),
    });
  });

  it('returns error answers as they come, for the caller to read', async () => {
    const client = new GovernanceApiClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend' },
      fetchApi: {
        fetch: (async () =>
          new Response(JSON.stringify({ error: { issues: [] } }), {
            status: 400,
          })) as unknown as typeof fetch,
      },
    });
    const response = await client.listAdrs({});
    expect(response.status).toBe(400);
  });
});
