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
/**
 * How the API answers once the session has "ended" (`POST /__session-ends?as=…`), as a CAS filter in front
 * of a real ENT API does: `redirect` (302 to a login page on this origin), `cas-redirect` (302 to a CAS
 * server on another origin), `temporary-redirect` (307, which a following fetch would replay with its
 * body), `login-page` (200 with an HTML login form). Cleared by `/__reset`.
 */
let sessionEnd;
/** Every request that reached the API or the login page since the last reset: method, path, CSRF token. */
let seen = [];

function answerEndedSession(context) {
  const service = encodeURIComponent('http://' + context.host + context.url);
  switch (sessionEnd) {
    case 'cas-redirect':
      context.status = 302;
      context.set('Location', `http://127.0.0.1:9/cas/login?service=${service}`);
      return;
    case 'temporary-redirect':
      context.status = 307;
      context.set('Location', `${PREFIX}/__login?service=${service}`);
      return;
    case 'login-page':
      context.status = 200;
      context.set('Content-Type', 'text/html; charset=utf-8');
      context.body = '<!doctype html><title>CAS</title><form method="post"><input name="username"></form>';
      return;
    default:
      context.status = 302;
      context.set('Location', `${PREFIX}/__login?service=${service}`);
  }
}

export async function contractServerMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX + '/')) return next();
  const [{ MemoryAdapter }, { handleContractRequest, NETWORK_ERROR }] = await load();
  if (context.path === PREFIX + '/__reset' && context.method === 'POST') {
    backend = new MemoryAdapter();
    sessionEnd = undefined;
    seen = [];
    context.status = 204;
    return;
  }
  if (context.path === PREFIX + '/__session-ends' && context.method === 'POST') {
    sessionEnd = context.query.as || 'redirect';
    context.status = 204;
    return;
  }
  if (context.path === PREFIX + '/__seen') {
    context.body = seen;
    return;
  }
  backend ??= new MemoryAdapter();
  const chunks = [];
  for await (const chunk of context.req) chunks.push(chunk);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  seen.push({
    method: context.method,
    path: context.path,
    csrfToken: context.get('X-CSRF-Token') || null,
    body: body ? body.toString('utf8') : '',
  });
  if (context.path === PREFIX + '/__login') {
    context.set('Content-Type', 'text/html; charset=utf-8');
    context.body = '<!doctype html><title>CAS</title><form method="post"><input name="username"></form>';
    return;
  }
  if (sessionEnd) return answerEndedSession(context);
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
