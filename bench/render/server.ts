/**
 * The benchmark's web server, on loopback: the page holding the four elements (`/`), the same sections as
 * plain HTML (`/plain`), `dist/` as built, and the HTTP contract answered by the mock backend.
 *
 * Every text answer is compressed as a production server would send it: brotli at level 11 when the browser
 * accepts it (the size budgets' measure), else gzip at level 9. Compressed files are kept, so only the
 * first request pays for the compression; the benchmark's warm-up load makes that request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { MemoryAdapter } from '../../src/mocks/memory-adapter.js';
import { demoAccount } from '../../src/mocks/demo-account.js';
import { handleContractRequest, NETWORK_ERROR } from '../../src/mocks/contract-http.js';
import { plainPage } from './plain-page.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const API = '/api/sel';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

const ELEMENTS_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Mon compte</title>
<script type="module" src="/dist/sel-widgets.js"></script></head>
<body><main><h1>Mon compte</h1>
<sel-general-info api-base="${API}"></sel-general-info>
<sel-phones api-base="${API}"></sel-phones>
<sel-redlist api-base="${API}"></sel-redlist>
<sel-password-change api-base="${API}"></sel-password-change>
</main></body></html>`;

type Encoding = 'br' | 'gzip' | 'identity';

const compressed = new Map<string, Buffer>();

function encode(key: string, content: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'identity') return content;
  const cacheKey = `${encoding}:${key}`;
  let result = compressed.get(cacheKey);
  if (!result) {
    result =
      encoding === 'br'
        ? brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(content, { level: 9 });
    if (key) compressed.set(cacheKey, result);
  }
  return result;
}

function acceptedEncoding(request: IncomingMessage): Encoding {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  return /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
}

export interface BenchServer {
  origin: string;
  /** A fresh demo account, so that each load sees the same data whatever the previous one saved. */
  resetBackend(): void;
  /** The encodings the browser was answered with, to print: `br` is what the budgets assume. */
  encodingsUsed: Set<Encoding>;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  let backend = new MemoryAdapter();
  const encodingsUsed = new Set<Encoding>();

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer,
    cacheKey: string,
  ): void {
    const encoding = body.length > 0 ? acceptedEncoding(request) : 'identity';
    encodingsUsed.add(encoding);
    const encoded = encode(cacheKey, body, encoding);
    response.writeHead(status, {
      ...headers,
      ...(encoding !== 'identity' && { 'Content-Encoding': encoding }),
      'Content-Length': String(encoded.length),
      'Cache-Control': 'no-store',
    });
    response.end(encoded);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/plain') {
      const page = url.pathname === '/' ? ELEMENTS_PAGE : plainPage(demoAccount());
      send(request, response, 200, { 'Content-Type': 'text/html; charset=utf-8' }, Buffer.from(page), url.pathname);
      return;
    }
    if (url.pathname.startsWith(API + '/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const answer = await handleContractRequest(
        backend,
        new Request(url, {
          method: request.method ?? 'GET',
          headers: request.headers as Record<string, string>,
          ...(body && request.method !== 'GET' && { body }),
        }),
        url.pathname.slice(API.length),
      );
      if (answer === NETWORK_ERROR) {
        request.socket.destroy();
        return;
      }
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => (headers[name] = value));
      send(request, response, answer.status, headers, Buffer.from(await answer.arrayBuffer()), '');
      return;
    }
    if (url.pathname.startsWith('/dist/')) {
      const path = normalize(join(DIST, url.pathname.slice('/dist/'.length)));
      if (path.startsWith(DIST)) {
        try {
          const content = await readFile(path);
          send(
            request,
            response,
            200,
            { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' },
            content,
            path,
          );
          return;
        } catch {
          // falls through to 404
        }
      }
    }
    response.writeHead(404).end();
  }

  const server: Server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error(error);
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    resetBackend: () => (backend = new MemoryAdapter()),
    encodingsUsed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
