/**
 * Sessions live in an encrypted, authenticated cookie: flags, tampering, idle and absolute lifetimes,
 * key rotation, logout, and the `header` mode that believes only trusted proxies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { HTTPS_BEHIND_PROXY, PROXY_NAMES_CMARTIN, startTestServer } from '../support/test-server.js';
import { REFRESH_AFTER_MS } from '../../src/http/session.js';

const KEY_A = 'Jq7Zp2Xw9Lk4Rt6Vb1Nm8Hc3Gd5Fs0Ay7Ue2Io9Pl4Kj';
const KEY_B = 'Wm3Qx8Rz1Tc6Yv9Bn4Ks7Lp2Hd5Gf0Ja8Ue3Io6Pl1Kj';

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax over http, without the __Host- prefix', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/auth/login?return=/`, { redirect: 'manual' });
      const cookie = response.headers.getSetCookie()[0] ?? '';
      assert.match(cookie, /^sel-session=/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.doesNotMatch(cookie, /Secure/i);
    } finally {
      await server.close();
    }
  });

  it('is __Host- and Secure when the public URL is https, and the page gets HSTS', async () => {
    const server = await startTestServer(HTTPS_BEHIND_PROXY);
    try {
      const response = await fetch(`${server.url}/auth/login?return=/`, {
        redirect: 'manual',
        headers: PROXY_NAMES_CMARTIN,
      });
      const cookie = response.headers.getSetCookie()[0] ?? '';
      assert.match(cookie, /^__Host-sel-session=/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.match(response.headers.get('Strict-Transport-Security') ?? '', /max-age=\d+/);
    } finally {
      await server.close();
    }
  });

  it('is refused when tampered with', async () => {
    const server = await startTestServer();
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login();
      const [name, value = ''] = client.cookie.split('=');
      const flipped = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
      client.cookie = `${name}=${flipped}`;
      assert.equal((await client.api('/account')).status, 401);
    } finally {
      await server.close();
    }
  });

  it('ends after the idle lifetime, and after the absolute one even when used', async () => {
    let now = Date.now();
    const server = await startTestServer(
      { SEL_SESSION_IDLE_MINUTES: '30', SEL_SESSION_MAX_HOURS: '1' },
      { now: () => now },
    );
    try {
      const idle = new BrowserLikeClient(server.url);
      await idle.login();
      now += 29 * 60_000;
      assert.equal((await idle.api('/account')).status, 200, 'used within the idle lifetime');
      now += 29 * 60_000;
      assert.equal((await idle.api('/account')).status, 200, 'the idle clock restarted at the last request');
      now += 31 * 60_000;
      assert.equal((await idle.api('/account')).status, 401, 'idle for 31 minutes');

      const busy = new BrowserLikeClient(server.url);
      await busy.login();
      for (let step = 0; step < 3; step++) {
        now += 20 * 60_000;
        assert.equal((await busy.api('/account')).status, 200);
      }
      now += 5 * 60_000;
      assert.equal((await busy.api('/account')).status, 401, 'more than one hour after login');
    } finally {
      await server.close();
    }
  });

  it('is sealed again only once a minute has passed, and the idle clock restarts from that refresh', async () => {
    let now = Date.now();
    const server = await startTestServer({ SEL_SESSION_IDLE_MINUTES: '30' }, { now: () => now });
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login();
      const issued = client.cookie;
      now += 30_000;
      const early = await client.api('/account');
      assert.equal(early.status, 200);
      assert.deepEqual(early.headers.getSetCookie(), [], 'no new cookie within the minute');
      now += REFRESH_AFTER_MS;
      const later = await client.api('/account');
      assert.equal(later.status, 200);
      assert.equal(later.headers.getSetCookie().length, 1, 'a new cookie once the minute has passed');
      assert.notEqual(client.cookie, issued);
      now += 29 * 60_000;
      assert.equal((await client.api('/account')).status, 200, '29 minutes after the refresh, 30.5 after login');
    } finally {
      await server.close();
    }
  });

  it('still ends after the idle lifetime when the same cookie was opened before', async () => {
    let now = Date.now();
    const server = await startTestServer({ SEL_SESSION_IDLE_MINUTES: '30' }, { now: () => now });
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login();
      const cookie = client.cookie;
      now += 10_000;
      assert.equal((await client.api('/account')).status, 200);
      assert.equal(client.cookie, cookie, 'the same value, opened and remembered');
      now += 31 * 60_000;
      assert.equal((await client.api('/account')).status, 401, 'idle for 31 minutes');
    } finally {
      await server.close();
    }
  });

  it('still opens with an older key after rotation, and no more once the key is dropped', async () => {
    const first = await startTestServer({ SEL_SESSION_KEYS: KEY_A });
    const client = new BrowserLikeClient(first.url);
    await client.login();
    const cookie = client.cookie;
    await first.close({ keepData: true });

    const rotated = await startTestServer({ SEL_SESSION_KEYS: `${KEY_B},${KEY_A}` }, { dataDir: first.dataDir });
    try {
      const again = new BrowserLikeClient(rotated.url);
      again.cookie = cookie;
      assert.equal((await again.api('/account')).status, 200);
      assert.notEqual(again.cookie, cookie, 'sealed again with the newest key');
    } finally {
      await rotated.close({ keepData: true });
    }

    const dropped = await startTestServer({ SEL_SESSION_KEYS: KEY_B }, { dataDir: first.dataDir });
    try {
      const stale = new BrowserLikeClient(dropped.url);
      stale.cookie = cookie;
      assert.equal((await stale.api('/account')).status, 401);
    } finally {
      await dropped.close();
    }
  });

  it('ends at logout', async () => {
    const server = await startTestServer();
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login();
      const response = await client.request('/auth/logout');
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('Location'), '/auth/logged-out');
      assert.equal((await client.api('/account')).status, 401);
    } finally {
      await server.close();
    }
  });
});

describe('header mode', () => {
  it('believes the header from a trusted proxy', async () => {
    const server = await startTestServer({
      SEL_AUTH: 'header',
      SEL_SESSION_KEYS: KEY_A,
      SEL_AUTH_HEADER: 'X-Remote-User',
    });
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login({ 'X-Remote-User': 'pdurand' });
      const response = await client.api('/account', { headers: { 'X-Remote-User': 'pdurand' } });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { uid: string }).uid, 'pdurand');
      assert.equal((await client.api('/account')).status, 401, 'no header: the proxy no longer vouches');
    } finally {
      await server.close();
    }
  });

  it('ignores the header from any other address', async () => {
    const server = await startTestServer({
      SEL_AUTH: 'header',
      SEL_SESSION_KEYS: KEY_A,
      SEL_TRUSTED_PROXIES: '10.1.2.3',
    });
    try {
      const response = await fetch(`${server.url}/api/account`, { headers: { 'X-Remote-User': 'cmartin' } });
      assert.equal(response.status, 401);
      const page = await fetch(`${server.url}/`, { headers: { 'X-Remote-User': 'cmartin' }, redirect: 'manual' });
      assert.equal(page.status, 302);
    } finally {
      await server.close();
    }
  });
});
