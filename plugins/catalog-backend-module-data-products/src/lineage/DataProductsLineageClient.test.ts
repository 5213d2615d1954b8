import { mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { DataProductsLineageClient } from './DataProductsLineageClient';

/** A stand-in data-products backend on a real port: answers as told, notes what it got. */
function fakeBackend(answer: { status: number; body?: unknown }) {
  const seen: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req);
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  return { server, seen };
}

async function clientFor(server: Server) {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const discovery = mockServices.discovery.mock({
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
  });
  return new DataProductsLineageClient(discovery, mockServices.auth());
}

describe('DataProductsLineageClient', () => {
  let server: Server | undefined;
  afterEach(() => new Promise(resolve => server?.close(resolve)));

  it('asks the data-products backend as the catalog, for one subject', async () => {
    const items = [
      {
        dataProductRef: 'dataproduct:default/benefit-decisions',
        subjectRef: 'group:default/team-analytics',
      },
    ];
    const fake = fakeBackend({ status: 200, body: { items } });
    server = fake.server;
    const client = await clientFor(server);

    expect(await client.forSubject('group:default/team-analytics')).toEqual(
      items,
    );
    const [req] = fake.seen;
    expect(req.url).toBe(
      '/api/data-products/lineage?entityRef=group%3Adefault%2Fteam-analytics',
    );
    // A service token on behalf of the catalog, never a user's.
    expect(req.headers.authorization).toMatch(/^Bearer .+/);
    expect(req.headers.authorization).toContain('plugin:test');
    expect(req.headers.authorization).toContain('"target":"data-products"');
  });

  it('answers undefined when there is no data-products plugin', async () => {
    server = fakeBackend({ status: 404 }).server;
    const client = await clientFor(server);
    expect(await client.forSubject('component:default/x')).toBeUndefined();
  });

  it('throws on any other failure, naming the status', async () => {
    server = fakeBackend({
      status: 503,
      body: { error: { name: 'Error', message: 'down' } },
    }).server;
    const client = await clientFor(server);
    await expect(client.forSubject('component:default/x')).rejects.toThrow(
      /503/,
    );
  });
});
