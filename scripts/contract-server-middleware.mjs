// Serves the HTTP contract (the same mock backend as the MSW handlers) under /contract-api/ on the test
// server, so that a plain HTML page loading dist/sel-widgets.js can be tested against a real HTTP server.
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/contract-api';
let backendModule;

async function load() {
  backendModule ??= Promise.all([
    tsImport('../src/mocks/memory-adapter.ts', import.meta.url),
    tsImport('../src/mocks/contract-http.ts', import.meta.url),
  ]);
  return backendModule;
}

let backend;

export async function contractServerMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX + '/')) return next();
  const [{ MemoryAdapter }, { handleContractRequest, NETWORK_ERROR }] = await load();
  if (context.path === PREFIX + '/__reset' && context.method === 'POST') {
    backend = new MemoryAdapter();
    context.status = 204;
    return;
  }
  backend ??= new MemoryAdapter();
  const chunks = [];
  for await (const chunk of context.req) chunks.push(chunk);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const request = new Request(new URL(context.url, 'http://localhost'), {
    method: context.method,
    headers: context.req.headers,
    body: context.method === 'GET' || context.method === 'HEAD' ? undefined : body,
  });
  const answer = await handleContractRequest(backend, request, context.path.slice(PREFIX.length));
  if (answer === NETWORK_ERROR) {
    context.req.socket.destroy();
    return;
  }
  context.status = answer.status;
  answer.headers.forEach((value, name) => context.set(name, value));
  context.body = answer.status === 204 ? null : Buffer.from(await answer.arrayBuffer());
}
