/**
 * `SEL_AUTH=cas` against a CAS server's answers: login redirect with the service URL, ticket validation,
 * the return path (same origin only), refused tickets, logout and back-channel single logout.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { BrowserLikeClient } from '../helpers/browser-like-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { FakeCas, logoutRequest } from '../helpers/fake-cas.js';

const cas = new FakeCas();
let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  await cas.start();
  server = await startTestServer({ SEL_AUTH: 'cas', SEL_CAS_URL: cas.url, SEL_SESSION_KEYS: 'k'.repeat(40) });
});
after(async () => {
  await server.close();
  await cas.stop();
});
beforeEach(() => {
  client = new BrowserLikeClient(server.url);
});

/** What the browser does: to the login, through CAS (which issues a ticket), back to the callback. */
async function casLogin(returnPath: string, user = 'cmartin'): Promise<{ ticket: string; landing: Response }> {
  const login = await client.request(`/auth/login?return=${encodeURIComponent(returnPath)}`);
  assert.equal(login.status, 302);
  const location = new URL(login.headers.get('Location') ?? '');
  assert.equal(`${location.origin}${location.pathname}`, `${cas.url}/login`);
  const service = location.searchParams.get('service') ?? '';
  assert.ok(service.startsWith(`${server.url}/auth/cas`), service);
  const ticket = cas.issue(user, service);
  const callback = new URL(service);
  callback.searchParams.set('ticket', ticket);
  const landing = await client.request(callback.pathname + callback.search);
  return { ticket, landing };
}

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

  for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    it(`never redirects off the server (return=${evil})`, async () => {
      const { landing } = await casLogin(evil);
      assert.equal(landing.headers.get('Location'), '/');
    });
  }

  it('refuses a ticket CAS does not know, or one used twice', async () => {
    const forged = await client.request('/auth/cas?return=%2F&ticket=ST-forged');
    assert.equal(forged.status, 403);
    assert.equal((await client.api('/account')).status, 401);

    const { ticket } = await casLogin('/');
    const replay = new BrowserLikeClient(server.url);
    const again = await replay.request(`/auth/cas?return=%2F&ticket=${ticket}`);
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
    const saved = client;
    client = bystander;
    await casLogin('/');
    client = saved;

    const slo = await fetch(`${server.url}/auth/cas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logoutRequest: logoutRequest(ticket) }).toString(),
    });
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
});
