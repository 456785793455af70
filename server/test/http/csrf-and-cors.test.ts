/** A non-GET API call needs the session's token and an allowed origin; allowed portals get CORS. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PORTAL = 'https://ent.univ-exemple.fr';
let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  server = await startTestServer({ SEL_ALLOWED_ORIGINS: PORTAL });
  client = new BrowserLikeClient(server.url);
  await client.login();
});
after(() => server.close());

async function patchRedList(options: {
  csrf?: string | null;
  origin?: string | null;
  headers?: Record<string, string>;
}) {
  return client.api('/account', {
    method: 'PATCH',
    body: { redList: true },
    ifMatch: await client.version(),
    ...options,
  });
}

describe('CSRF', () => {
  for (const [name, options] of [
    ['no token', { csrf: null }],
    ['a wrong token', { csrf: 'x'.repeat(32) }],
    ['another site as Origin', { origin: 'https://evil.example' }],
    ['no Origin and no Sec-Fetch-Site', { origin: null }],
    ['no Origin and a cross-site fetch', { origin: null, headers: { 'Sec-Fetch-Site': 'cross-site' } }],
  ] as const) {
    it(`refuses ${name} with 403 csrf`, async () => {
      const response = await patchRedList(options);
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as { code: string }).code, 'csrf');
    });
  }

  it('accepts the token with the server’s own Origin', async () => {
    assert.equal((await patchRedList({})).status, 200);
  });

  it('accepts the token with Sec-Fetch-Site: same-origin and no Origin', async () => {
    assert.equal((await patchRedList({ origin: null, headers: { 'Sec-Fetch-Site': 'same-origin' } })).status, 200);
  });

  it('accepts the token from an allowed portal origin', async () => {
    assert.equal((await patchRedList({ origin: PORTAL })).status, 200);
  });

  it('checks the password change too', async () => {
    const response = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: 'a', newPassword: 'b' },
      csrf: null,
    });
    assert.equal(response.status, 403);
  });

  it('does not accept the token of another session', async () => {
    const other = new BrowserLikeClient(server.url);
    await other.login();
    assert.notEqual(other.csrf, client.csrf);
    assert.equal((await patchRedList({ csrf: other.csrf })).status, 403);
  });
});

describe('CORS', () => {
  it('answers the preflight of an allowed portal', async () => {
    const response = await client.request('/api/account', {
      method: 'OPTIONS',
      headers: {
        Origin: PORTAL,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'if-match, x-csrf-token, content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), PORTAL);
    assert.equal(response.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.match(response.headers.get('Access-Control-Allow-Headers') ?? '', /X-CSRF-Token/);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /ETag.*Retry-After/);
  });

  it('gives nothing to another origin', async () => {
    const response = await client.api('/account', { headers: { Origin: 'https://evil.example' } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
  });
});
