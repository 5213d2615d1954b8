import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import processResponse from '../__fixtures__/process-response.json';
import searchResponse from '../__fixtures__/search-response.json';

type Process = {
  id: string;
  name: string;
  number: number;
  purposes: Array<{ code: string; shortName: string }>;
};

/**
 * A Polly-style register on a real local port, answering from the example
 * answers in `__fixtures__`. The first path segment picks how it behaves:
 * `/api` answers like the register, `/down` with 503, `/hang` never,
 * `/forbidden` with 403, `/bad-request` with 400 and `/odd` with shapes
 * that do not follow the contract. `/huge` sends 64 MiB of JSON with its
 * Content-Length, `/endless` JSON in chunks without end, both only as fast
 * as the client reads.
 */
export type FakePollyRegister = {
  /** `http://127.0.0.1:{port}`, without a path. */
  url: string;
  /** Paths (with query) of the requests received, in order. */
  requests: string[];
  /** Bytes of body written by `/huge` and `/endless` answers so far. */
  streamed: { bytes: number; closed: number };
  close(): Promise<void>;
};

const HUGE_BYTES = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, ' ');

/**
 * Writes `total` bytes (JSON whitespace after an opening bracket) or, when
 * `total` is undefined, never stops; only as fast as the socket drains, so
 * what was written is what the client read or buffered.
 */
function stream(
  res: ServerResponse,
  total: number | undefined,
  streamed: FakePollyRegister['streamed'],
) {
  let left = total ?? Infinity;
  res.on('close', () => {
    streamed.closed += 1;
  });
  const write = () => {
    while (left > 0 && !res.destroyed) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, left));
      left -= chunk.length;
      streamed.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
    if (left <= 0) res.end();
  };
  res.write('[');
  write();
}

const searchable: Process[] = searchResponse.content;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function page(content: unknown[]) {
  return {
    pageNumber: 0,
    pageSize: 20,
    pages: 1,
    numberOfElements: content.length,
    totalElements: content.length,
    content,
  };
}

function search(text: string, includePurpose: boolean): unknown[] {
  const needle = text.toLocaleLowerCase('en');
  const number = /^b?(\d+)$/i.exec(text);
  return searchable.filter(
    process =>
      process.name.toLocaleLowerCase('en').includes(needle) ||
      (number && process.number === Number(number[1])) ||
      (includePurpose &&
        process.purposes.some(
          purpose =>
            purpose.code.toLocaleLowerCase('en').includes(needle) ||
            purpose.shortName.toLocaleLowerCase('en').includes(needle),
        )),
  );
}

function answerLikeTheRegister(url: URL, res: ServerResponse) {
  const searchPath = /^\/process\/search\/([^/]*)$/.exec(url.pathname);
  if (searchPath) {
    const text = decodeURIComponent(searchPath[1]);
    if (text.length < 3) {
      json(res, 400, { message: 'Search term must be at least 3 characters' });
      return;
    }
    const includePurpose = url.searchParams.get('includePurpose') === 'true';
    json(res, 200, page(search(text, includePurpose)));
    return;
  }
  const getPath = /^\/process\/([^/]+)$/.exec(url.pathname);
  if (getPath) {
    const id = decodeURIComponent(getPath[1]);
    // The full answer for the process it has, the search entry for the rest.
    const process =
      id === processResponse.id
        ? processResponse
        : searchable.find(candidate => candidate.id === id);
    if (process) {
      json(res, 200, process);
    } else {
      json(res, 404, { message: `Process ${id} not found` });
    }
    return;
  }
  json(res, 404, { message: 'No such endpoint' });
}

function answerOddly(url: URL, res: ServerResponse) {
  if (url.pathname.startsWith('/process/search/no-content')) {
    json(res, 200, { message: 'not a page' });
  } else if (url.pathname.startsWith('/process/search/')) {
    const [first] = searchable;
    json(
      res,
      200,
      page([
        null,
        'text',
        {},
        { id: 'only-id' },
        { name: 'Only name' },
        first,
        first,
        { id: 7, name: 'Minimal' },
      ]),
    );
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>Login</html>');
  }
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  streamed: FakePollyRegister['streamed'],
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, mode] = url.pathname.split('/');
  const rest = new URL(
    url.pathname.slice(mode.length + 1) + url.search,
    'http://localhost',
  );
  switch (mode) {
    case 'api':
      answerLikeTheRegister(rest, res);
      return;
    case 'down':
      json(res, 503, { message: 'Down for maintenance' });
      return;
    case 'forbidden':
      json(res, 403, { message: 'Forbidden' });
      return;
    case 'bad-request':
      json(res, 400, { message: 'Invalid search' });
      return;
    case 'odd':
      answerOddly(rest, res);
      return;
    case 'huge':
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(HUGE_BYTES + 1),
      });
      stream(res, HUGE_BYTES, streamed);
      return;
    case 'endless':
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, undefined, streamed);
      return;
    case 'hang':
      // Never answer: the client has to give up on its own.
      return;
    default:
      json(res, 404, { message: 'No such endpoint' });
  }
}

export async function startFakePollyRegister(): Promise<FakePollyRegister> {
  const requests: string[] = [];
  const streamed = { bytes: 0, closed: 0 };
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handle(req, res, streamed);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    streamed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests and keep-alive sockets would hold close() open.
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

/** A URL on which nothing listens: the port was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
