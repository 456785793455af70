// Serves the HTTP contract (the same mock backend as the MSW handlers) under /contract-api/ on the test
// server, so that a plain HTML page loading dist/sel-widgets.js can be tested against a real HTTP server.
//
// Test files run two at a time against this one server: a file that ends the session or reads what was
// seen uses a scope of its own, `/contract-api/scope/<name>/…`, so that it never changes what another
// file's page is answered. `/contract-api/…` is the default scope.
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

/** One backend and its faults per scope. */
const scopes = new Map();

function scopeOf(name) {
  let scope = scopes.get(name);
  if (!scope) {
    scope = { backend: undefined, sessionEnd: undefined, seen: [] };
    scopes.set(name, scope);
  }
  return scope;
}

/** `{ name, prefix, path }` of a request under /contract-api, or undefined for any other path. */
function parseScoped(requestPath) {
  const match = /^\/contract-api(\/scope\/([\w-]+))?(\/.*)$/.exec(requestPath);
  if (!match) return undefined;
  return { name: match[2] ?? '', prefix: PREFIX + (match[1] ?? ''), path: match[3] };
}

/**
 * How the API answers once the session has "ended" (`POST /__session-ends?as=…`), as a CAS filter in front
 * of a real ENT API does: `redirect` (302 to a login page on this origin), `cas-redirect` (302 to a CAS
 * server on another origin), `temporary-redirect` (307, which a following fetch would replay with its
 * body), `login-page` (200 with an HTML login form). Cleared by `/__reset`.
 */
/* A scope's `sessionEnd`; its `seen` lists every request that reached the API or the login page since the
   last reset: method, path, CSRF token, body. */

function answerEndedSession(context, { sessionEnd }, prefix) {
  const service = encodeURIComponent('http://' + context.host + context.url);
  switch (sessionEnd) {
    case 'cas-redirect':
      context.status = 302;
      context.set('Location', `http://127.0.0.1:9/cas/login?service=${service}`);
      return;
    case 'temporary-redirect':
      context.status = 307;
      context.set('Location', `${prefix}/__login?service=${service}`);
      return;
    case 'login-page':
      context.status = 200;
      context.set('Content-Type', 'text/html; charset=utf-8');
      context.body = '<!doctype html><title>CAS</title><form method="post"><input name="username"></form>';
      return;
    default:
      context.status = 302;
      context.set('Location', `${prefix}/__login?service=${service}`);
  }
}

export async function contractServerMiddleware(context, next) {
  const scoped = parseScoped(context.path);
  if (!scoped) return next();
  const { prefix, path } = scoped;
  const scope = scopeOf(scoped.name);
  const [{ MemoryAdapter }, { handleContractRequest, NETWORK_ERROR }] = await load();
  if (path === '/__reset' && context.method === 'POST') {
    scope.backend = new MemoryAdapter();
    scope.sessionEnd = undefined;
    scope.seen = [];
    context.status = 204;
    return;
  }
  if (path === '/__session-ends' && context.method === 'POST') {
    scope.sessionEnd = context.query.as || 'redirect';
    context.status = 204;
    return;
  }
  if (path === '/__seen') {
    context.body = scope.seen;
    return;
  }
  scope.backend ??= new MemoryAdapter();
  const chunks = [];
  for await (const chunk of context.req) chunks.push(chunk);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  scope.seen.push({
    method: context.method,
    path: context.path,
    csrfToken: context.get('X-CSRF-Token') || null,
    body: body ? body.toString('utf8') : '',
  });
  if (path === '/__login') {
    context.set('Content-Type', 'text/html; charset=utf-8');
    context.body = '<!doctype html><title>CAS</title><form method="post"><input name="username"></form>';
    return;
  }
  if (scope.sessionEnd) return answerEndedSession(context, scope, prefix);
  const request = new Request(new URL(context.url, 'http://localhost'), {
    method: context.method,
    headers: context.req.headers,
    body: context.method === 'GET' || context.method === 'HEAD' ? undefined : body,
  });
  const answer = await handleContractRequest(scope.backend, request, path);
  if (answer === NETWORK_ERROR) {
    context.req.socket.destroy();
    return;
  }
  context.status = answer.status;
  answer.headers.forEach((value, name) => context.set(name, value));
  context.body = answer.status === 204 ? null : Buffer.from(await answer.arrayBuffer());
}
