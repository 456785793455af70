/**
 * The page at `/` and what it loads: redirect to login without a session, the four elements, the person's
 * name as text, fr/en, the CSRF token, a strict CSP without inline code, the assets with immutable caching
 * for hashed chunks and compression, and the health endpoints.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { defaultAssetsDir } from '../../src/http/static-files.js';
import { DEMO_SEED_FILE, readSeed } from '../../src/store/file/seed.js';

let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  server = await startTestServer({ SEL_FRAME_ANCESTORS: "'self' https://ent.univ-exemple.fr" });
  client = new BrowserLikeClient(server.url);
  await client.login();
});
after(() => server.close());

describe('the page', () => {
  it('sends a visitor without a session to the login', async () => {
    const response = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('Location'), '/auth/login?return=%2F');
  });

  it('shows « Mon compte » with the four elements, the name, a logout link and the CSRF token', async () => {
    const response = await client.request('/');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const html = await response.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<h1>Mon compte<\/h1>/);
    for (const tag of ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change']) {
      assert.match(html, new RegExp(`<${tag} api-base="/api"></${tag}>`));
    }
    assert.match(html, /Claire Martin/);
    assert.match(html, /<a href="\/auth\/logout">Se déconnecter<\/a>/);
    assert.match(html, new RegExp(`<meta name="csrf-token" content="${client.csrf}">`));
    assert.match(html, /class="dev-banner"/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style|style=/, 'no inline style');
  });

  it('speaks English with ?lang=en or Accept-Language', async () => {
    for (const [path, headers] of [
      ['/?lang=en', {}],
      ['/', { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' }],
    ] as const) {
      const html = await (await client.request(path, { headers })).text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /Log out/);
    }
  });

  it('shows the name as text, never as markup', async () => {
    const [claire] = await readSeed(DEMO_SEED_FILE);
    const account = { ...claire!.account, displayName: '<img src=x onerror=alert(1)>' };
    const other = await startTestServer({}, { seed: [{ ...claire!, account }] });
    try {
      const visitor = new BrowserLikeClient(other.url);
      await visitor.login();
      const html = await (await visitor.request('/')).text();
      assert.ok(!html.includes('<img src=x'));
      assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/);
    } finally {
      await other.close();
    }
  });

  it('is served under a strict CSP with Trusted Types and the configured frame-ancestors', async () => {
    const csp = (await client.request('/')).headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(csp.split(';').map((part) => [part.trim().split(/\s+/)[0]!, part.trim()]));
    assert.equal(directives.get('default-src'), "default-src 'none'");
    for (const name of ['script-src', 'style-src', 'worker-src', 'connect-src', 'img-src']) {
      assert.equal(directives.get(name), `${name} 'self'`);
    }
    assert.equal(directives.get('base-uri'), "base-uri 'none'");
    assert.equal(directives.get('form-action'), "form-action 'self'");
    assert.equal(directives.get('frame-ancestors'), "frame-ancestors 'self' https://ent.univ-exemple.fr");
    assert.equal(directives.get('require-trusted-types-for'), "require-trusted-types-for 'script'");
    assert.equal(directives.get('trusted-types'), 'trusted-types sel-widgets sel-widgets-lit');
  });
});

describe('the assets', () => {
  it('serve sel-widgets.js compressed, revalidated, and hashed chunks as immutable', async () => {
    const entry = await client.request('/assets/sel-widgets.js', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('Content-Encoding'), 'br');
    assert.equal(entry.headers.get('Cache-Control'), 'no-cache');
    await entry.arrayBuffer();
    const chunk = (await readdir(defaultAssetsDir())).find((name) => /^sel-widgets-phone-.+\.js$/.test(name));
    assert.ok(chunk, 'the phone chunk is built');
    const hashed = await client.request(`/assets/${chunk}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers.get('Content-Encoding'), 'gzip');
    await hashed.arrayBuffer();
  });

  it('serve the page’s own script and styles', async () => {
    for (const path of ['/static/page.js', '/static/page.css'])
      assert.equal((await client.request(path)).status, 200, path);
  });
});

describe('health', () => {
  it('/healthz and /readyz answer 200, /readyz 503 once the store is closed, naming the store', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      checks: { store: { ok: true }, sharedState: { ok: true } },
    });
    const other = await startTestServer();
    try {
      await other.store.close();
      const closed = await fetch(`${other.url}/readyz`);
      assert.equal(closed.status, 503);
      assert.deepEqual(await closed.json(), {
        status: 'unavailable',
        checks: { store: { ok: false, reason: 'the store is closed' }, sharedState: { ok: true } },
      });
    } finally {
      await other.close();
    }
  });
});
