import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real HTTP server that answers the two Gitea API calls the
 * UrlReaderService's Gitea reader makes for `readTree`: the branch's latest
 * commit and the repository archive. Lets tests read ADRs through the real
 * reader, and make a repository fail on demand.
 */
export class FakeGitea {
  private server?: http.Server;
  private readonly repos = new Map<string, Record<string, string>>();
  private failing = new Set<string>();
  private revision = 0;
  baseUrl = '';
  host = '';

  /** Sets a repository's files (path → content) on branch `main`. */
  setRepo(name: string, files: Record<string, string>) {
    this.repos.set(name, files);
    this.revision += 1;
  }

  /** Makes every request for the repository answer 500 until called with false. */
  fail(name: string, failing = true) {
    if (failing) this.failing.add(name);
    else this.failing.delete(name);
  }

  /** The folder URL of `folder` in `owner/name` as a Gitea web link. */
  folderUrl(name: string, folder: string) {
    return `${this.baseUrl}/acme/${name}/src/branch/main/${folder}`;
  }

  async start() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.host = `127.0.0.1:${port}`;
    this.baseUrl = `http://${this.host}`;
  }

  async stop() {
    // The reader's fetch keeps connections alive; do not wait for them.
    this.server?.closeAllConnections();
    await new Promise(resolve => this.server?.close(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const match = req.url?.match(
      /^\/api\/v1\/repos\/acme\/([^/]+)\/(git\/commits\/main|archive\/main\.tar\.gz)$/,
    );
    const [, name, call] = match ?? [];
    const files = name ? this.repos.get(name) : undefined;
    if (name && this.failing.has(name)) {
      res.writeHead(500).end('Gitea is having a bad day');
      return;
    }
    if (!name || !files) {
      res.writeHead(404).end('Not found');
      return;
    }
    if (call.startsWith('git/commits')) {
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ sha: `${name}-${this.revision}` }));
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'application/gzip' })
      .end(tarball(name, files));
  }
}

/** A .tar.gz with one top folder, as Gitea's archives have. */
function tarball(name: string, files: Record<string, string>): Buffer {
  const root = mkdtempSync(path.join(os.tmpdir(), 'fake-gitea-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(root, name, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return execFileSync('tar', ['-czf', '-', '-C', root, name]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
