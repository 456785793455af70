/**
 * `SEL_AUTH=cas` against a CAS server's answers: login redirect with the service URL, ticket validation,
 * the return path (same origin only), refused tickets, logout and back-channel single logout; the login
 * bound to the browser that started it, another person's session never replaced in silence, and a page
 * (not a raw error) when the CAS server cannot be reached.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { freePort } from '../support/free-port.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { FakeCas, logoutRequest } from '../support/fake-cas.js';
import { LogSink, SESSION_KEY } from './log-sink.js';

const cas = new FakeCas();
const logs = new LogSink();
let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  await cas.start();
  server = await startTestServer(
    { SEL_AUTH: 'cas', SEL_CAS_URL: cas.url, SEL_SESSION_KEYS: SESSION_KEY },
    { loggerInstance: logs.logger },
  );
});
after(async () => {
  await server.close();
  await cas.stop();
});
beforeEach(() => {
  client = new BrowserLikeClient(server.url);
  cas.behaviour = 'answer';
});

/** What the browser does: to the login, through CAS (which issues a ticket), back to the callback. */
const casLogin = (returnPath: string, user = 'cmartin', browser = client) => cas.logIn(browser, returnPath, user);

/** The service URL `/auth/login` sends the browser to CAS with (and sets the browser's login cookie). */
async function startLogin(browser: BrowserLikeClient, returnPath = '/'): Promise<URL> {
  const login = await browser.request(`/auth/login?return=${encodeURIComponent(returnPath)}`);
  assert.equal(login.status, 302);
  return new URL(new URL(login.headers.get('Location') ?? '').searchParams.get('service') ?? '');
}

/** The callback path for `service` with `ticket`, as CAS redirects the browser there. */
function callbackPath(service: URL, ticket: string): string {
  const callback = new URL(service);
  callback.searchParams.set('ticket', ticket);
  return callback.pathname + callback.search;
}

async function singleLogout(ticket: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/auth/cas`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ logoutRequest: logoutRequest(ticket) }).toString(),
  });
}

/** The text a person reads on an HTML page: its title, message and link. */
async function pageOf(response: Response): Promise<{ lang: string; text: string; links: string[] }> {
  assert.match(response.headers.get('Content-Type') ?? '', /^text\/html/);
  const html = await response.text();
  return {
    lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? '',
    text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    links: [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => `${text} -> ${href}`),
  };
}

const loginPath = (returnPath: string) => `/auth/login?return=${encodeURIComponent(returnPath)}`;

describe('CAS login', () => {
  it('sends the page to the CAS login, and the API gets 401', async () => {
    const page = await client.request('/');
    assert.equal(page.status, 302);
    assert.equal(page.headers.get('Location'), '/auth/login?return=%2F');
    assert.equal((await client.api('/account')).status, 401);
  });

  it('validates the ticket, opens the session and returns to the path asked for', async () => {
    const { landing } = await casLogin('/?lang=en');
    assert.equal(landing.status, 302);
    assert.equal(landing.headers.get('Location'), '/?lang=en');
    const account = await client.api('/account');
    assert.equal(account.status, 200);
    assert.equal(((await account.json()) as { uid: string }).uid, 'cmartin');
  });

  it('refuses a ticket CAS does not know, or one used twice', async () => {
    const service = await startLogin(client);
    const forged = await client.request(callbackPath(service, 'ST-forged'));
    assert.equal(forged.status, 403);
    assert.equal((await client.api('/account')).status, 401);

    const { ticket } = await casLogin('/');
    // Another browser that started its own login, handed the ticket already used.
    const replay = new BrowserLikeClient(server.url);
    const again = await replay.request(callbackPath(await startLogin(replay), ticket));
    assert.equal(again.status, 403);
    assert.equal((await replay.api('/account')).status, 401);
  });

  it('logs out to the CAS logout', async () => {
    await casLogin('/');
    const logout = await client.request('/auth/logout');
    assert.equal(logout.status, 302);
    assert.equal(logout.headers.get('Location'), `${cas.url}/logout`);
    assert.equal((await client.api('/account')).status, 401);
  });

  it('ends the session a single-logout request names, and only that one', async () => {
    const { ticket } = await casLogin('/');
    const bystander = new BrowserLikeClient(server.url);
    await casLogin('/', 'cmartin', bystander);

    const slo = await singleLogout(ticket);
    assert.equal(slo.status, 200);
    assert.equal((await client.api('/account')).status, 401, 'the session the ticket opened has ended');
    assert.equal((await bystander.api('/account')).status, 200, 'another session goes on');
  });

  it('answers 400 to a single-logout post that is not a LogoutRequest', async () => {
    const slo = await fetch(`${server.url}/auth/cas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'logoutRequest=%3C!DOCTYPE%20x%3E%3Cx%2F%3E',
    });
    assert.equal(slo.status, 400);
  });

  it('writes audit lines for a login, a refused ticket, a logout and a single logout, never the ticket', async () => {
    const before = (event: string) => logs.audits(event).length;
    const [logins, logouts, singleLogouts] = [before('login'), before('logout'), before('single-logout')];
    const { ticket } = await casLogin('/');
    const refused = new BrowserLikeClient(server.url);
    await refused.request(callbackPath(await startLogin(refused), 'ST-unknown-to-cas'));
    await client.request('/auth/logout');
    const other = new BrowserLikeClient(server.url);
    const { ticket: otherTicket } = await casLogin('/', 'dwho', other);
    await singleLogout(otherTicket);

    assert.deepEqual(logs.audits('login').slice(logins), [
      { uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' },
      { uid: undefined, ip: '127.0.0.1', outcome: 'ticket_refused' },
      { uid: 'dwho', ip: '127.0.0.1', outcome: 'ok' },
    ]);
    assert.deepEqual(logs.audits('logout').slice(logouts), [{ uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' }]);
    assert.deepEqual(logs.audits('single-logout').slice(singleLogouts), [
      { uid: undefined, ip: '127.0.0.1', outcome: 'ok' },
    ]);
    assert.ok(!logs.text.includes(ticket) && !logs.text.includes(otherTicket), 'a ticket in the logs');
  });
});

/**
 * Return paths that would leave the server once a browser follows them, written as they arrive in the
 * query (decoded once): several only become `//host` after normalisation.
 */
const EVIL_RETURNS = [
  'https://evil.example/',
  '//evil.example/',
  '/\\evil.example',
  'javascript:alert(1)',
  '/.//evil.example/phish',
  '/a/..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/./%2e//evil.example',
  '/\\evil',
  '/%5Cevil',
  '/./\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
];

/** A redirect target a browser resolves to this server, whatever else it holds. */
function assertStaysOnServer(location: string | null, base: string): void {
  assert.ok(location !== null, 'a Location');
  assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), location);
  assert.doesNotMatch(location, /\p{Cc}/u);
  assert.equal(new URL(location, base).origin, new URL(base).origin, location);
}

describe('the return path never leads off the server', () => {
  let devServer: TestServer;
  before(async () => {
    devServer = await startTestServer();
  });
  after(() => devServer.close());

  for (const evil of EVIL_RETURNS) {
    it(`return=${JSON.stringify(evil)}`, async () => {
      // dev mode: the login answers with the return path itself.
      const dev = await fetch(`${devServer.url}/auth/login?return=${encodeURIComponent(evil)}`, { redirect: 'manual' });
      assert.equal(dev.status, 302);
      assertStaysOnServer(dev.headers.get('Location'), devServer.url);

      // cas mode: the service URL carries it through CAS, the callback redirects to it.
      const service = await startLogin(client, evil);
      assertStaysOnServer(service.searchParams.get('return'), server.url);
      const { landing } = await casLogin(evil);
      assert.equal(landing.status, 302);
      assertStaysOnServer(landing.headers.get('Location'), server.url);

      // The callback without a ticket goes back to the login with the return path it was given.
      const noTicket = await client.request(`/auth/cas?return=${encodeURIComponent(evil)}`);
      const again = new URL(noTicket.headers.get('Location') ?? '', server.url);
      assert.equal(again.pathname, '/auth/login');
      assertStaysOnServer(again.searchParams.get('return'), server.url);
    });
  }

  it('judges the path after normalisation, as it comes in a raw query', async () => {
    for (const raw of ['/.//evil.example/phish', '/a/..//evil.example', '/%2e//evil.example', '/%5Cevil']) {
      const dev = await fetch(`${devServer.url}/auth/login?return=${raw}`, { redirect: 'manual' });
      assert.equal(dev.headers.get('Location'), '/', raw);
    }
  });

  it('leads back to a page of a portal of SEL_ALLOWED_ORIGINS, and to no other origin', async () => {
    const portal = 'https://ent.univ-exemple.fr';
    const withPortal = await startTestServer({ SEL_ALLOWED_ORIGINS: portal });
    try {
      const target = async (value: string) =>
        (
          await fetch(`${withPortal.url}/auth/login?return=${encodeURIComponent(value)}`, { redirect: 'manual' })
        ).headers.get('Location');
      assert.equal(await target(`${portal}/mon-compte?onglet=sel`), `${portal}/mon-compte?onglet=sel`);
      for (const other of [
        'https://ent.univ-exemple.fr.evil.example/',
        'https://user:pass@ent.univ-exemple.fr/',
        'http://ent.univ-exemple.fr/',
        'https://evil.example/',
        'javascript:alert(1)',
      ]) {
        assert.equal(await target(other), '/', other);
      }
      // Without the portal in the list, its pages are no place to go either.
      const withoutPortal = await fetch(
        `${devServer.url}/auth/login?return=${encodeURIComponent(`${portal}/mon-compte`)}`,
        { redirect: 'manual' },
      );
      assert.equal(withoutPortal.headers.get('Location'), '/');
    } finally {
      await withPortal.close();
    }
  });

  it('keeps a path of the server, its query included', async () => {
    const dev = await fetch(`${devServer.url}/auth/login?return=${encodeURIComponent('/a/../?lang=en')}`, {
      redirect: 'manual',
    });
    assert.equal(dev.headers.get('Location'), '/?lang=en');
  });
});

describe('a CAS login is bound to the browser that started it', () => {
  it('gives the browser a short-lived HttpOnly cookie, and CAS the same value in the service URL', async () => {
    const login = await fetch(`${server.url}/auth/login?return=%2F`, { redirect: 'manual' });
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('sel-login=')) ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Max-Age=600\b/i);
    assert.match(cookie, /Path=\//);
    const value = /^sel-login=([^;]+)/.exec(cookie)?.[1] ?? '';
    assert.match(value, /^[\w-]{24}$/);
    const service = new URL(new URL(login.headers.get('Location') ?? '').searchParams.get('service') ?? '');
    assert.equal(service.searchParams.get('login'), value);
  });

  it('refuses the ticket of a login another browser started, with a page to start again', async () => {
    // Someone logs in as themselves, stops before the callback, and sends their callback link to a victim.
    const attacker = new BrowserLikeClient(server.url);
    const attackerService = await startLogin(attacker, '/?lang=fr');
    const ticket = cas.issue('dwho', attackerService.href);
    const validations = cas.requests.length;

    const victim = new BrowserLikeClient(server.url);
    const refused = await victim.request(callbackPath(attackerService, ticket));
    assert.equal(refused.status, 403);
    const page = await pageOf(refused);
    assert.equal(page.lang, 'fr');
    assert.match(page.text, /n’a pas été commencée dans ce navigateur/);
    assert.deepEqual(page.links, [`Réessayer -> ${loginPath('/?lang=fr')}`]);
    assert.equal((await victim.api('/account')).status, 401, 'no session opened');
    assert.equal(cas.requests.length, validations, 'the ticket was not even validated');

    // Nor when the victim has a login of their own under way: the values differ.
    await startLogin(victim);
    const stillRefused = await victim.request(callbackPath(attackerService, ticket));
    assert.equal(stillRefused.status, 403);
    assert.equal((await victim.api('/account')).status, 401);
  });

  it('refuses a ticket whose service URL carries no login value, in English when the page asked for it', async () => {
    await startLogin(client);
    const ticket = cas.issue('cmartin', `${server.url}/auth/cas?return=%2F%3Flang%3Den`);
    const refused = await client.request(`/auth/cas?return=%2F%3Flang%3Den&ticket=${ticket}`);
    assert.equal(refused.status, 403);
    const page = await pageOf(refused);
    assert.equal(page.lang, 'en');
    assert.match(page.text, /not started in this browser/);
    assert.deepEqual(page.links, [`Try again -> ${loginPath('/?lang=en')}`]);
    assert.equal((await client.api('/account')).status, 401);
    assert.deepEqual(logs.audits('login').at(-1), {
      uid: undefined,
      ip: '127.0.0.1',
      outcome: 'not_started_in_this_browser',
    });
  });

  it('forgets the login value once used', async () => {
    const { landing } = await casLogin('/');
    assert.equal(landing.status, 302);
    assert.ok(
      landing.headers.getSetCookie().some((line) => /^sel-login=;/.test(line) && /Max-Age=0/i.test(line)),
      'the login cookie is cleared',
    );
    assert.deepEqual([...client.cookies.keys()], ['sel-session']);
  });

  it('lets two tabs start a login at once: they share the browser’s value', async () => {
    const first = await startLogin(client);
    const second = await startLogin(client);
    assert.match(first.searchParams.get('login') ?? '', /^[\w-]{24}$/);
    assert.equal(first.searchParams.get('login'), second.searchParams.get('login'));
  });

  it('is __Host- and Secure when the public URL is https', async () => {
    const secure = await startTestServer({
      SEL_AUTH: 'cas',
      SEL_CAS_URL: cas.url,
      SEL_SESSION_KEYS: SESSION_KEY,
      SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr',
    });
    try {
      const browser = new BrowserLikeClient(secure.url);
      const login = await browser.request('/auth/login?return=%2F');
      const cookie = login.headers.getSetCookie().find((line) => line.startsWith('__Host-sel-login=')) ?? '';
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Domain=/i);
      const { landing } = await cas.logIn(browser, '/');
      assert.equal(landing.status, 302);
      const cleared = landing.headers.getSetCookie().find((line) => line.startsWith('__Host-sel-login=;')) ?? '';
      assert.match(cleared, /Secure/, 'a browser ignores the removal of a __Host- cookie without Secure');
      const logout = await browser.request('/auth/logout');
      const sessionCleared = logout.headers.getSetCookie().find((line) => line.startsWith('__Host-sel-session=;'));
      assert.match(sessionCleared ?? '', /Secure/, 'the session cookie is really removed at logout');
    } finally {
      await secure.close();
    }
  });
});

describe('a CAS login while the browser has a session', () => {
  /**
   * A browser that holds both a session and a login under way: a login started before the session was
   * opened, in another tab, and finished after it.
   */
  async function loginUnderWay(browser: BrowserLikeClient): Promise<URL> {
    const session = browser.cookie;
    browser.cookie = '';
    const service = await startLogin(browser);
    browser.cookie = `${session}; ${browser.cookie}`;
    return service;
  }

  it('does not replace another person’s session: it says so and offers to log out', async () => {
    await casLogin('/');
    const service = await loginUnderWay(client);
    const answer = await client.request(callbackPath(service, cas.issue('dwho', service.href)), {
      headers: { 'Accept-Language': 'en' },
    });
    assert.equal(answer.status, 409);
    const page = await pageOf(answer);
    assert.equal(page.lang, 'en');
    assert.match(page.text, /already has a session open as « cmartin ».*log in as « dwho », log out first/);
    assert.deepEqual(page.links, ['Log out -> /auth/logout']);
    const account = await client.api('/account');
    assert.equal(((await account.json()) as { uid: string }).uid, 'cmartin', 'the session is still cmartin’s');
    assert.deepEqual(logs.audits('login').at(-1), { uid: 'dwho', ip: '127.0.0.1', outcome: 'other_session_open' });
  });

  it('in French by default', async () => {
    await casLogin('/');
    const service = await loginUnderWay(client);
    const answer = await client.request(callbackPath(service, cas.issue('dwho', service.href)));
    const page = await pageOf(answer);
    assert.equal(page.lang, 'fr');
    assert.match(page.text, /déjà une session ouverte au nom de « cmartin »/);
    assert.deepEqual(page.links, ['Se déconnecter -> /auth/logout']);
  });

  it('the same person just goes on, with a session that the newest ticket’s single logout ends', async () => {
    await casLogin('/');
    const service = await loginUnderWay(client);
    const ticket = cas.issue('cmartin', service.href);
    const answer = await client.request(callbackPath(service, ticket));
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('Location'), '/');
    assert.equal((await client.api('/account')).status, 200);
    await singleLogout(ticket);
    assert.equal((await client.api('/account')).status, 401);
  });
});

describe('when the CAS server cannot be reached', () => {
  it('answers a page to try again (502) and logs the cause once, then that CAS is back', async () => {
    const warnings = () => logs.entries.filter((entry) => entry['dependency'] === 'CAS');
    const seen = warnings().length;
    cas.behaviour = { status: 503 };
    const { landing, ticket } = await casLogin('/?lang=en');
    assert.equal(landing.status, 502);
    const page = await pageOf(landing);
    assert.equal(page.lang, 'en');
    assert.match(page.text, /login service \(CAS\) is not answering/);
    assert.deepEqual(page.links, [`Try again -> ${loginPath('/?lang=en')}`]);
    assert.equal((await client.api('/account')).status, 401);

    const second = await casLogin('/');
    assert.equal(second.landing.status, 502);
    assert.match((await pageOf(second.landing)).text, /Réessayer/);

    cas.behaviour = 'answer';
    assert.equal((await casLogin('/')).landing.status, 302);
    const lines = warnings()
      .slice(seen)
      .map(({ level, msg }) => ({ level, msg }));
    assert.deepEqual(lines, [
      { level: 40, msg: 'CAS is unavailable: serviceValidate answered HTTP 503' },
      { level: 30, msg: 'CAS answers again' },
    ]);
    assert.ok(!logs.text.includes(ticket) && !logs.text.includes(second.ticket), 'a ticket in the logs');
    assert.deepEqual(logs.audits('login').slice(-3), [
      { uid: undefined, ip: '127.0.0.1', outcome: 'cas_unavailable' },
      { uid: undefined, ip: '127.0.0.1', outcome: 'cas_unavailable' },
      { uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' },
    ]);
  });

  it('says so when nothing listens at its address', async () => {
    const sink = new LogSink();
    const deadUrl = `http://127.0.0.1:${await freePort()}/cas`;
    const lonely = await startTestServer(
      { SEL_AUTH: 'cas', SEL_CAS_URL: deadUrl, SEL_SESSION_KEYS: SESSION_KEY },
      { loggerInstance: sink.logger },
    );
    try {
      const browser = new BrowserLikeClient(lonely.url);
      const answer = await browser.request(callbackPath(await startLogin(browser), 'ST-unchecked-1'));
      assert.equal(answer.status, 502);
      assert.match((await pageOf(answer)).text, /Service de connexion indisponible/);
      const warning = sink.entries.find((entry) => entry['dependency'] === 'CAS');
      assert.equal(warning?.['level'], 40);
      assert.match(String(warning?.['reason']), /cannot be reached \(ECONNREFUSED\)/);
      assert.ok(!sink.text.includes('ST-unchecked-1'));
    } finally {
      await lonely.close();
    }
  });

  it('says so when it does not answer in time', async () => {
    const sink = new LogSink();
    const slow = await startTestServer(
      { SEL_AUTH: 'cas', SEL_CAS_URL: cas.url, SEL_SESSION_KEYS: SESSION_KEY },
      {
        loggerInstance: sink.logger,
        // The server's own timeout, shortened: the test does not wait ten seconds.
        fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(200) }),
      },
    );
    cas.behaviour = 'hang';
    try {
      const browser = new BrowserLikeClient(slow.url);
      const { landing } = await cas.logIn(browser, '/');
      assert.equal(landing.status, 502);
      assert.match((await pageOf(landing)).text, /Réessayer/);
      const warning = sink.entries.find((entry) => entry['dependency'] === 'CAS');
      assert.match(String(warning?.['reason']), /did not answer within/);
    } finally {
      await slow.close();
    }
  });
});
