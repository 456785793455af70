/**
 * The HTTP side of `bench:server`: sessions of people logged in through the header a trusted proxy sets,
 * and a closed-loop load generator on `GET`/`PATCH /api/account` with each connection bound to one session,
 * as a browser tab: the lean keep-alive one (`keep-alive-load.ts`, the default) or autocannon.
 */
import autocannon, { type RequestContext } from 'autocannon';
import { BrowserLikeClient } from '../../../server/test/support/browser-like-client.js';
import type { Instance } from './instance-process.js';
import { keepAliveLoad, quantile, type Answer, type OutgoingRequest } from './keep-alive-load.js';

export const HEADER = 'x-remote-user';

/** What one closed-loop run measured; `operations` is how many answers it counted. */
export interface RunFigures {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  operations: number;
}

export interface Session {
  uid: string;
  cookie: string;
  csrf: string;
  version: string;
}

export const benchUids = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `bench${String(index).padStart(2, '0')}`);

/** Logs each person in through the header a trusted proxy sets, and reads their CSRF token and version. */
export async function openSessions(url: string, people: string[]): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const uid of people) {
    const client = new BrowserLikeClient(url);
    await client.login({ [HEADER]: uid });
    const response = await client.api('/account', { headers: { [HEADER]: uid } });
    if (response.status !== 200) throw new Error(`GET /account for ${uid} answered ${response.status}`);
    sessions.push({ uid, cookie: client.cookie, csrf: client.csrf, version: response.headers.get('ETag') ?? '' });
  }
  return sessions;
}

/** Reads each person's current version: requests cut off at the end of a run may have changed it. */
async function refreshVersions(url: string, sessions: Session[]): Promise<void> {
  for (const session of sessions) {
    const response = await fetch(`${url}/api/account`, {
      headers: { cookie: session.cookie, [HEADER]: session.uid, accept: 'application/json' },
    });
    session.version = response.headers.get('ETag') ?? '';
  }
}

/** `keep-alive`: the lean generator of `keep-alive-load.ts`; `autocannon`: the one used before it. */
export type HttpClient = 'keep-alive' | 'autocannon';
export const HTTP_CLIENTS: readonly HttpClient[] = ['keep-alive', 'autocannon'];

export interface LoadOptions {
  client?: HttpClient;
  method: 'GET' | 'PATCH';
  connections: number;
  seconds: number;
  sessions: Session[];
  /** PATCH bodies, sent in turn. */
  bodies: unknown[];
  /** Runs just before autocannon starts, after any preparation (for CPU readings of the run alone). */
  onMeasureStart?: () => Promise<void>;
}

/** The headers a browser tab of this session sends (what Chromium sends, for `accept-encoding`). */
function sessionHeaders(session: Session, method: 'GET' | 'PATCH', origin: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // What Chromium sends: a server that compresses small JSON pays for it here, as with browsers.
    'accept-encoding': 'gzip, deflate, br, zstd',
    cookie: session.cookie,
    [HEADER]: session.uid,
  };
  if (method === 'GET') return headers;
  return {
    ...headers,
    'content-type': 'application/json',
    'if-match': session.version,
    'x-csrf-token': session.csrf,
    origin,
  };
}

/**
 * `method /api/account`, each connection bound to one session; a PATCH sends the next of `bodies` with the
 * version of that connection's last answer.
 */
export async function load(server: Instance, options: LoadOptions): Promise<RunFigures> {
  if (options.method === 'PATCH') await refreshVersions(server.url, options.sessions);
  return (options.client ?? 'keep-alive') === 'keep-alive'
    ? keepAlive(server, options)
    : withAutocannon(server, options);
}

interface SessionRequest extends OutgoingRequest {
  session: Session;
}

async function keepAlive(server: Instance, options: LoadOptions): Promise<RunFigures> {
  const { method, connections, seconds, sessions, bodies } = options;
  // A session is taken when a request is built and given back with its answer, so that no two requests in
  // flight carry the same person's version.
  const idle = [...sessions];
  let nextBody = 0;
  let refusals = 0;
  await options.onMeasureStart?.();
  const run = await keepAliveLoad<SessionRequest>({
    url: server.url,
    connections,
    seconds,
    nextRequest: () => {
      const session = idle.shift() ?? sessions[0]!;
      return {
        session,
        method,
        path: '/api/account',
        headers: sessionHeaders(session, method, server.url),
        ...(method === 'PATCH' && { body: JSON.stringify(bodies[nextBody++ % bodies.length]) }),
      };
    },
    onAnswer: ({ session }, answer: Answer) => {
      if (answer.status === 200 && answer.etag) session.version = answer.etag;
      // A browser keeps the cookie a refresh sets; a bench that did not would get a new one every time.
      const renewed = answer.setCookie?.split(';')[0];
      if (renewed) session.cookie = renewed;
      idle.push(session);
      if (answer.status !== 200 && refusals++ === 0) {
        console.error(`first refusal of ${method}: ${answer.status} ${answer.body}`);
      }
    },
  });
  return {
    perSecond: run.perSecond,
    p50: quantile(run.latencies, 0.5),
    p99: quantile(run.latencies, 0.99),
    failed: run.failed,
    operations: run.operations,
  };
}

async function withAutocannon(server: Instance, options: LoadOptions): Promise<RunFigures> {
  const { method, connections, seconds, sessions, bodies } = options;
  // autocannon resets a connection's context before each request, but calls `onResponse` with the context
  // of the request answered: a session is taken when a request is built and given back with its answer,
  // so that no two requests in flight carry the same person's version.
  const url = server.url;
  const idle = [...sessions];
  const take = (context: RequestContext): Session => {
    const session = idle.shift() ?? sessions[0]!;
    context['session'] = session;
    return session;
  };
  let nextBody = 0;
  let refusals = 0;
  await options.onMeasureStart?.();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method,
        path: '/api/account',
        setupRequest: (request, context) => {
          const session = take(context);
          const headers = sessionHeaders(session, method, url);
          if (method === 'GET') return { ...request, headers };
          return { ...request, headers, body: JSON.stringify(bodies[nextBody++ % bodies.length]) };
        },
        onResponse: (status, body, context, headers) => {
          const session = context['session'] as Session;
          const etag = [headers['etag'] ?? headers['ETag'] ?? []].flat()[0];
          if (status === 200 && etag) session.version = etag;
          // A browser keeps the cookie a refresh sets; a bench that did not would get a new one every time.
          const setCookie = headers['set-cookie'] ?? headers['Set-Cookie'];
          const renewed = [setCookie ?? []].flat()[0]?.split(';')[0];
          if (renewed) session.cookie = renewed;
          idle.push(session);
          if (status !== 200 && refusals++ === 0) console.error(`first refusal of ${method}: ${status} ${body}`);
        },
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    operations: result.requests.total,
  };
}
