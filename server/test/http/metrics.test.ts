/**
 * `GET /metrics` as Prometheus scrapes it from an allowed address: requests by route pattern (never the raw
 * URL) and status, their durations, the 5xx by cause, the process's metrics. From anywhere else, through
 * the reverse proxy included, the same 404 as a path that does not exist.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { DirectoryUnavailableError } from '../../src/domain/errors.js';
import { SharedStateUnavailableError } from '../../src/shared-state/shared-state-unavailable-error.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/metrics`, { headers });
}

/** The value of one sample, its labels in any order; `undefined` when the text has no such sample. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics from an allowed address (127.0.0.1 by default)', () => {
  it('counts requests by route pattern and status, with their durations and the process metrics', async () => {
    const client = new BrowserLikeClient(server.url);
    await client.login();
    assert.equal((await client.api('/account')).status, 200);
    assert.equal((await client.request('/api/account?unbounded=1')).status, 200);
    assert.equal((await fetch(`${server.url}/no/such/path/4f2a9c`)).status, 404);

    const response = await scrape(server.url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const text = await response.text();

    const account = { method: 'GET', route: '/api/account', status_code: '200' };
    assert.equal(sample(text, 'http_requests_total', account), 2);
    assert.equal(sample(text, 'http_request_duration_seconds_count', account), 2);
    assert.equal(sample(text, 'http_request_duration_seconds_bucket', { ...account, le: '+Inf' }), 2);
    assert.equal(sample(text, 'http_requests_total', { route: 'unmatched', status_code: '404' }), 1);
    // Neither the query nor an unknown path becomes a label: each would be a series of its own.
    assert.doesNotMatch(text, /unbounded|4f2a9c/);
    assert.match(text, /^process_cpu_user_seconds_total \d/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds \d/m);
  });

  it('counts the 503s of the directory and of the shared state, and the 500s, by cause', async () => {
    const before = await (await scrape(server.url)).text();
    for (const cause of ['directory_unavailable', 'shared_state_unavailable', 'internal']) {
      assert.equal(sample(before, 'sel_server_errors_total', { cause }), 0, cause);
    }
    const client = new BrowserLikeClient(server.url);
    await client.login();
    const get = server.store.get.bind(server.store);
    const hit = server.sharedState.hit.bind(server.sharedState);
    try {
      server.store.get = () => Promise.reject(new DirectoryUnavailableError(5));
      assert.equal((await client.api('/account')).status, 503);
      server.store.get = () => Promise.reject(new Error('EIO: i/o error'));
      assert.equal((await client.api('/account')).status, 500);
      assert.equal((await client.api('/account')).status, 500);
      server.store.get = get;
      server.sharedState.hit = () => Promise.reject(new SharedStateUnavailableError(5));
      const password = { currentPassword: 'pas-le-bon-mot', newPassword: 'Jaunay-Marigny-86130!' };
      assert.equal((await client.api('/account/password', { method: 'POST', body: password })).status, 503);
    } finally {
      server.store.get = get;
      server.sharedState.hit = hit;
    }
    const text = await (await scrape(server.url)).text();
    assert.equal(sample(text, 'sel_server_errors_total', { cause: 'directory_unavailable' }), 1);
    assert.equal(sample(text, 'sel_server_errors_total', { cause: 'internal' }), 2);
    assert.equal(sample(text, 'sel_server_errors_total', { cause: 'shared_state_unavailable' }), 1);
  });
});

describe('/metrics from elsewhere', () => {
  const notFound = async (url: string): Promise<{ status: number; type: string | null; body: unknown }> => {
    const response = await fetch(`${url}/no-such-path`);
    return { status: response.status, type: response.headers.get('Content-Type'), body: await response.json() };
  };

  it('a client on the Internet behind the trusted reverse proxy (on 127.0.0.1) gets the 404 of an unknown path', async () => {
    const response = await scrape(server.url, { 'X-Forwarded-For': '203.0.113.9' });
    assert.equal(response.status, 404);
    const unknown = await notFound(server.url);
    assert.equal(response.headers.get('Content-Type'), unknown.type);
    assert.deepEqual(await response.json(), unknown.body);
  });

  it('a client outside SEL_METRICS_FROM gets the 404 of an unknown path', async () => {
    const other = await startTestServer({ SEL_METRICS_FROM: '192.0.2.10,2001:db8::/32' });
    try {
      const response = await scrape(other.url);
      assert.equal(response.status, 404);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      assert.deepEqual(await response.json(), (await notFound(other.url)).body);
      // Through the proxy, an address of the list is let in.
      assert.equal((await scrape(other.url, { 'X-Forwarded-For': '192.0.2.10' })).status, 200);
    } finally {
      await other.close();
    }
  });
});
