/**
 * `/auth/done`, where the login the elements open in a popup ends (« Se connecter » on a portal's page on
 * another origin): without a session, the login first; with one, a page in the person's language whose own
 * script closes the popup. That login's steps keep the popup's opener (no `Cross-Origin-Opener-Policy:
 * same-origin`), which the portal's page needs to see the popup close; every other page keeps it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { PAGE_STATIC_DIR } from '../../src/http/static-files.js';

let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  server = await startTestServer();
  client = new BrowserLikeClient(server.url);
  await client.login();
});
after(() => server.close());

describe('/auth/done', () => {
  it('sends a visitor without a session to the login, to come back here', async () => {
    const response = await fetch(`${server.url}/auth/done`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('Location'), '/auth/login?return=%2Fauth%2Fdone');
  });

  it('says the person is logged in, in French, with a link to « Mon compte » and the script that closes the popup', async () => {
    const response = await client.request('/auth/done', { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.equal(response.headers.get('Cross-Origin-Opener-Policy'), 'unsafe-none');
    assert.match(response.headers.get('Content-Security-Policy') ?? '', /script-src 'self'/);
    const html = await response.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /Vous êtes connecté à « Mon compte ». Vous pouvez fermer cette fenêtre./);
    assert.match(html, /<a href="\/">/);
    assert.match(html, /<script type="module" src="\/static\/login-done.js"><\/script>/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  });

  it('in English', async () => {
    const html = await (await client.request('/auth/done', { headers: { 'Accept-Language': 'en' } })).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /You are logged in to « Mon compte ». You can close this window./);
  });

  it('serves the script, which closes only a window that a page opened', async () => {
    const response = await fetch(`${server.url}/static/login-done.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /javascript/);
    const script = await response.text();
    assert.equal(script, await readFile(join(PAGE_STATIC_DIR, 'login-done.js'), 'utf8'));
    assert.match(script, /if \(window\.opener\) window\.close\(\);/);
  });

  it('the login that ends here keeps the opener; any other login and the page keep same-origin', async () => {
    const anonymous = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });
    const popupLogin = await anonymous('/auth/login?return=%2Fauth%2Fdone');
    assert.equal(popupLogin.headers.get('Location'), '/auth/done');
    assert.equal(popupLogin.headers.get('Cross-Origin-Opener-Policy'), 'unsafe-none');
    for (const path of ['/auth/login?return=%2F', '/auth/login', '/']) {
      const response = await anonymous(path);
      assert.equal(response.headers.get('Cross-Origin-Opener-Policy'), 'same-origin', path);
    }
    assert.equal((await client.request('/')).headers.get('Cross-Origin-Opener-Policy'), 'same-origin');
  });
});
