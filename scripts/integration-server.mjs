// The backend of the integration fixtures: a small HTTP server on 127.0.0.1 that serves a fixture's built
// files and, under /api/sel/, the HTTP contract from the project's mock backend (the same code as the MSW
// handlers and docs/openapi.yaml's conformance test). The applications talk to it with a real RestAdapter
// over real HTTP, as a portal's page talks to its backend.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export const API_BASE = '/api/sel';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

// What a page without a build step gets from a strict portal: scripts from its own origin only.
const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/**
 * Serves `routes` (URL prefix → folder; `/` for the application, SPA fallback to its index.html) and the
 * contract. Returns the URL, the mock backend (to inject faults and read what was requested), and `close`.
 */
export async function startIntegrationServer({ routes }) {
  // One import for both, so that they share one module graph: the backend's SelError must be the class
  // that handleContractRequest recognises (two tsImport calls load two copies of it).
  const { MemoryAdapter, handleContractRequest, NETWORK_ERROR } = await tsImport('../src/mocks.ts', import.meta.url);
  const backend = new MemoryAdapter();
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);

  async function serveApi(request, response, path) {
    const body = await readBody(request);
    const fetchRequest = new Request(new URL(request.url, 'http://127.0.0.1'), {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
    });
    const answer = await handleContractRequest(backend, fetchRequest, path);
    if (answer === NETWORK_ERROR) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(answer.status === 204 ? undefined : Buffer.from(await answer.arrayBuffer()));
  }

  async function serveFile(response, pathname) {
    const prefix = prefixes.find((candidate) => pathname.startsWith(candidate));
    if (!prefix) return notFound(response);
    const folder = routes[prefix];
    let file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(normalize(folder + sep)) && file !== normalize(folder)) return notFound(response);
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info && prefix === '/' && !extname(pathname)) {
      file = join(folder, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info) return notFound(response);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': STRICT_CSP,
      'Cache-Control': 'no-store',
    });
    response.end(await readFile(file));
  }

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    if (pathname === '/favicon.ico') {
      // Browsers ask for it on every page; the fixtures have none, and a 404 would read as a failure.
      response.writeHead(204).end();
      return;
    }
    const work = pathname.startsWith(API_BASE + '/')
      ? serveApi(request, response, pathname.slice(API_BASE.length))
      : serveFile(response, pathname);
    work.catch((error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    backend,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain' });
  response.end('Not found');
}
