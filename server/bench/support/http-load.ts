/**
 * The HTTP side of `bench:server`: sessions of people logged in through the header a trusted proxy sets,
 * and autocannon on `GET`/`PATCH /api/account` with each connection bound to one session, as a browser tab.
 */
import autocannon, { type RequestContext } from 'autocannon';
import { BrowserLikeClient } from '../../test/helpers/browser-like-client.js';
import type { Instance } from './instance-process.js';

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

export interface LoadOptions {
  method: 'GET' | 'PATCH';
  connections: number;
  seconds: number;
  sessions: Session[];
  /** PATCH bodies, sent in turn. */
  bodies: unknown[];
  /** Runs just before autocannon starts, after any preparation (for CPU readings of the run alone). */
  onMeasureStart?: () => Promise<void>;
}

/**
 * autocannon on `method /api/account`, each connection bound to one session; a PATCH sends the next of
 * `bodies` with the version of that connection's last answer.
 */
export async function load(server: Instance, options: LoadOptions): Promise<RunFigures> {
  const { method, connections, seconds, sessions, bodies } = options;
  // autocannon resets a connection's context before each request, but calls `onResponse` with the context
  // of the request answered: a session is taken when a request is built and given back with its answer,
  // so that no two requests in flight carry the same person's version.
  const url = server.url;
  if (method === 'PATCH') await refreshVersions(url, sessions);
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
          const headers: Record<string, string> = {
            accept: 'application/json',
            // What Chromium sends: a server that compresses small JSON pays for it here, as with browsers.
            'accept-encoding': 'gzip, deflate, br, zstd',
            cookie: session.cookie,
            [HEADER]: session.uid,
          };
          if (method === 'GET') return { ...request, headers };
          return {
            ...request,
            headers: {
              ...headers,
              'content-type': 'application/json',
              'if-match': session.version,
              'x-csrf-token': session.csrf,
              origin: url,
            },
            body: JSON.stringify(bodies[nextBody++ % bodies.length]),
          };
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
