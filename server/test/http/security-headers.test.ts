/**
 * Every answer carries the same security headers, the page as much as an API call or a 404: the strict
 * CSP, the hardening headers, and HSTS only when the public URL is https. Only the page and the assets are
 * compressed: the API's JSON is sent as it is, whatever the browser accepts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { HTTPS_BEHIND_PROXY, PROXY_NAMES_CMARTIN, startTestServer } from '../support/test-server.js';

const EXPECTED: Record<string, string> = {
  'content-security-policy':
    "default-src 'none';script-src 'self';style-src 'self';worker-src 'self';connect-src 'self';" +
    "img-src 'self';font-src 'self';base-uri 'none';form-action 'self';frame-ancestors 'none';" +
    "require-trusted-types-for 'script';trusted-types sel-widgets sel-widgets-lit",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const ONE_YEAR_S = 365 * 24 * 3600;

function assertSecurityHeaders(response: Response, where: string, hsts: boolean): void {
  for (const [name, value] of Object.entries(EXPECTED))
    assert.equal(response.headers.get(name), value, `${where}: ${name}`);
  const sts = response.headers.get('strict-transport-security');
  if (hsts) assert.ok(Number(/max-age=(\d+)/.exec(sts ?? '')?.[1]) >= ONE_YEAR_S, `${where}: HSTS for a year`);
  else assert.equal(sts, null, `${where}: no HSTS over http`);
}

describe('security headers', () => {
  for (const https of [false, true]) {
    it(`are on the page, the API, a problem and a 404 (${https ? 'https' : 'http'} public URL)`, async () => {
      const server = await startTestServer(https ? HTTPS_BEHIND_PROXY : {});
      // Over https the login is the proxy's (dev login is for loopback http only): it names the person each time.
      const headers = https ? PROXY_NAMES_CMARTIN : {};
      try {
        const client = new BrowserLikeClient(server.url);
        await client.login(headers);
        assertSecurityHeaders(await client.request('/', { headers }), 'page', https);
        assertSecurityHeaders(await client.api('/account', { headers }), 'GET /account', https);
        assertSecurityHeaders(
          await client.api('/account', { method: 'PATCH', body: {}, headers }),
          '428 problem',
          https,
        );
        assertSecurityHeaders(await fetch(`${server.url}/api/account`), '401 problem', https);
        assertSecurityHeaders(await fetch(`${server.url}/no-such-page`), '404', https);
      } finally {
        await server.close();
      }
    });
  }
});

describe('request ids and caching', () => {
  it('every answer names its request; the API’s, problems included, are never cached', async () => {
    const server = await startTestServer();
    try {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const unauthorised = await fetch(`${server.url}/api/account`);
      assert.equal(unauthorised.status, 401);
      assert.equal(unauthorised.headers.get('Cache-Control'), 'no-store');
      const notFound = await fetch(`${server.url}/api/no-such-resource`);
      assert.equal(notFound.headers.get('Cache-Control'), 'no-store');
      const ids = [unauthorised, notFound, await fetch(`${server.url}/healthz`)].map((r) =>
        r.headers.get('X-Request-Id'),
      );
      for (const id of ids) assert.match(id ?? '', uuid);
      assert.equal(new Set(ids).size, 3);
    } finally {
      await server.close();
    }
  });
});

describe('compression', () => {
  it('leaves the API’s JSON as it is, even above a kilobyte, and compresses the page', async () => {
    const server = await startTestServer();
    try {
      const client = new BrowserLikeClient(server.url);
      await client.login();
      // Ten phones make the account's JSON well over the 1 kB threshold of the page and the assets.
      const phones = Array.from({ length: 10 }, (_, index) => ({
        type: 'office',
        number: `+3354945${String(4000 + index)}`,
      }));
      const saved = await client.api('/account', {
        method: 'PATCH',
        body: { phones },
        ifMatch: await client.version(),
      });
      assert.equal(saved.status, 200, await saved.clone().text());
      const account = await client.api('/account', { headers: { 'Accept-Encoding': 'br, gzip' } });
      const body = await account.text();
      assert.ok(body.length > 1024, `the account is ${body.length} bytes`);
      assert.equal(account.headers.get('Content-Encoding'), null);
      assert.equal(Number(account.headers.get('Content-Length')), Buffer.byteLength(body));
      assert.equal((JSON.parse(body) as { phones: unknown[] }).phones.length, 10);

      const page = await client.request('/', { headers: { 'Accept-Encoding': 'br, gzip' } });
      assert.equal(page.headers.get('Content-Encoding'), 'br');
    } finally {
      await server.close();
    }
  });
});
