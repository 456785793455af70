/**
 * Back-channel single logout is the CAS server's alone: taken only from the addresses of
 * `SEL_CAS_LOGOUT_FROM` (else those the CAS host resolves to at start), only as a form, at a bounded rate
 * per address; and what it makes the server remember is bounded too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FakeCas, logoutRequest } from '../support/fake-cas.js';
import { loadConfig } from '../../src/config/load-config.js';
import { authRoutes, SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS } from '../../src/http/routes/auth.js';
import type { SessionManager } from '../../src/http/session.js';
import { ENDED_SESSIONS_REMEMBERED, MemorySharedState } from '../../src/shared-state/memory-shared-state.js';
import { LogSink, SESSION_KEY } from './log-sink.js';

const cas = new FakeCas();
const servers: TestServer[] = [];

before(() => cas.start());
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await cas.stop();
});

async function casServer(env: Record<string, string> = {}, logs?: LogSink): Promise<TestServer> {
  const server = await startTestServer(
    { SEL_AUTH: 'cas', SEL_CAS_URL: cas.url, SEL_SESSION_KEYS: SESSION_KEY, ...env },
    logs ? { loggerInstance: logs.logger } : {},
  );
  servers.push(server);
  return server;
}

/** A browser logged in through the fake CAS; the ticket that opened its session. */
async function loggedIn(server: TestServer): Promise<{ browser: BrowserLikeClient; ticket: string }> {
  const browser = new BrowserLikeClient(server.url);
  const { ticket, landing } = await cas.logIn(browser);
  assert.equal(landing.status, 302);
  assert.equal((await browser.api('/account')).status, 200);
  return { browser, ticket };
}

function post(server: TestServer, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/auth/cas`, { method: 'POST', headers, body });
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const formOf = (ticket: string) => new URLSearchParams({ logoutRequest: logoutRequest(ticket) }).toString();

describe('single logout is taken from the CAS server only', () => {
  let server: TestServer;
  const logs = new LogSink();
  before(async () => {
    // The CAS host is 127.0.0.1, so is the trusted proxy (the default): a client behind the proxy is not CAS.
    server = await casServer({}, logs);
  });

  it('from the address the CAS host resolves to: the session ends', async () => {
    const { browser, ticket } = await loggedIn(server);
    assert.equal((await post(server, formOf(ticket), FORM)).status, 200);
    assert.equal((await browser.api('/account')).status, 401);
    assert.deepEqual(logs.audits('single-logout').at(-1), { uid: undefined, ip: '127.0.0.1', outcome: 'ok' });
  });

  it('from anyone else (through the trusted proxy): 403, the session goes on, an administrator is told', async () => {
    const { browser, ticket } = await loggedIn(server);
    const refused = await post(server, formOf(ticket), { ...FORM, 'X-Forwarded-For': '203.0.113.7' });
    assert.equal(refused.status, 403);
    assert.equal((await browser.api('/account')).status, 200, 'the session goes on');

    const warning = logs.entries.filter((entry) => entry['level'] === 40).at(-1);
    assert.match(String(warning?.['msg']), /single logout refused.*SEL_CAS_LOGOUT_FROM/);
    assert.equal(warning?.['ip'], '203.0.113.7');
    assert.deepEqual(logs.audits('single-logout').at(-1), {
      uid: undefined,
      ip: '203.0.113.7',
      outcome: 'address_refused',
    });
    assert.ok(!logs.text.includes(ticket), 'the ticket in the logs');
  });

  it('only as a form: JSON, text or no body at all is 415, and the session goes on', async () => {
    const { browser, ticket } = await loggedIn(server);
    const json = await post(server, JSON.stringify({ logoutRequest: logoutRequest(ticket) }), {
      'Content-Type': 'application/json',
    });
    assert.equal(json.status, 415);
    const text = await post(server, formOf(ticket), { 'Content-Type': 'text/plain' });
    assert.equal(text.status, 415);
    const xml = await post(server, logoutRequest(ticket), { 'Content-Type': 'application/xml' });
    assert.equal(xml.status, 415);
    const none = await fetch(`${server.url}/auth/cas`, { method: 'POST' });
    assert.equal(none.status, 415);
    assert.equal((await browser.api('/account')).status, 200);
  });

  it('and the API does not parse a form body', async () => {
    const { browser } = await loggedIn(server);
    await browser.readCsrfToken();
    const form = await browser.request('/api/account', {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-CSRF-Token': browser.csrf,
        Origin: server.url,
      },
      body: 'redList=true',
    });
    assert.equal(form.status, 415);
  });

  it('a pathological LogoutRequest is refused at once', async () => {
    const amps = `<samlp:LogoutRequest xmlns:samlp="x"><samlp:SessionIndex>${'&'.repeat(5000)}</samlp:SessionIndex></samlp:LogoutRequest>`;
    const started = performance.now();
    const answer = await post(server, new URLSearchParams({ logoutRequest: amps }).toString(), FORM);
    assert.equal(answer.status, 400);
    assert.ok(performance.now() - started < 1_000);
  });

  it(`at most ${SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS} a minute from one address`, async () => {
    const busy = await casServer();
    const statuses = new Map<number, number>();
    for (let sent = 0; sent <= SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS; sent++) {
      const answer = await post(busy, formOf(`ST-flood-${sent}`), FORM);
      await answer.arrayBuffer();
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(statuses), { 200: SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS, 429: 1 });
  });
});

describe('SEL_CAS_LOGOUT_FROM', () => {
  it('names who may send single logout, instead of the CAS host', async () => {
    const server = await casServer({ SEL_CAS_LOGOUT_FROM: '192.0.2.10, 198.51.100.0/24' });
    const { browser, ticket } = await loggedIn(server);
    assert.equal((await post(server, formOf(ticket), FORM)).status, 403, 'the CAS host is not in the list');
    assert.equal((await browser.api('/account')).status, 200);
    const fromListed = await post(server, formOf(ticket), { ...FORM, 'X-Forwarded-For': '198.51.100.23' });
    assert.equal(fromListed.status, 200);
    assert.equal((await browser.api('/account')).status, 401);
  });

  it('is needed when the CAS host does not resolve: the server does not start', async () => {
    const config = loadConfig({
      SEL_AUTH: 'cas',
      SEL_CAS_URL: 'https://cas.univ-exemple.fr/cas',
      SEL_SESSION_KEYS: SESSION_KEY,
      SEL_LOG_LEVEL: 'silent',
    });
    const app = Fastify();
    try {
      await assert.rejects(
        authRoutes(app, {
          config,
          sessions: {} as SessionManager,
          fetch,
          resolveHost: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
        }),
        (error: Error) => {
          assert.match(error.message, /SEL_CAS_LOGOUT_FROM/);
          assert.match(error.message, /cas\.univ-exemple\.fr does not resolve \(ENOTFOUND\)/);
          return true;
        },
      );
    } finally {
      await app.close();
    }
  });

  it('is read instead of resolving the CAS host when set', async () => {
    const config = loadConfig({
      SEL_AUTH: 'cas',
      SEL_CAS_URL: 'https://cas.univ-exemple.fr/cas',
      SEL_CAS_LOGOUT_FROM: '192.0.2.10',
      SEL_SESSION_KEYS: SESSION_KEY,
    });
    const app = Fastify();
    let resolved = 0;
    try {
      await authRoutes(app, {
        config,
        sessions: {} as SessionManager,
        fetch,
        resolveHost: async () => {
          resolved++;
          return [];
        },
      });
      assert.equal(resolved, 0);
    } finally {
      await app.close();
    }
  });
});

describe('the ended sessions a single instance remembers', () => {
  it(`are at most ${ENDED_SESSIONS_REMEMBERED}, the oldest forgotten first`, async () => {
    const state = new MemorySharedState();
    try {
      const ttl = 3_600_000;
      for (let index = 0; index < ENDED_SESSIONS_REMEMBERED; index++) await state.endSession(`s${index}`, ttl);
      // Ended again: it becomes the newest, and is kept.
      await state.endSession('s0', ttl);
      await state.endSession('one-more', ttl);
      assert.equal(await state.isSessionEnded('s0'), true);
      assert.equal(await state.isSessionEnded('s1'), false, 'the oldest is forgotten');
      assert.equal(await state.isSessionEnded('s2'), true);
      assert.equal(await state.isSessionEnded('one-more'), true);
      await state.endSession('and-another', ttl);
      assert.equal(await state.isSessionEnded('s2'), false);
      assert.equal(await state.isSessionEnded('s3'), true);
    } finally {
      await state.close();
    }
  });
});
