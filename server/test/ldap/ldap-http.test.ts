/**
 * The real HTTP application on an LdapStore against a private slapd: the contract served from the
 * directory (GET, PATCH, password), the 412 of two PATCHes with one ETag, and a directory stopped in the
 * middle: 503 `directory_unavailable` with Retry-After and a failing /readyz, then recovery without a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.js';
import { SERVER_PASSWORD_RULES } from '../../src/config/server-password-rules.js';
import { buildApp } from '../../src/http/app.js';
import { MemorySharedState } from '../../src/shared-state/memory-shared-state.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { freePort } from '../support/free-port.js';
import { canBind, personDn, useDirectory } from '../support/ldap-fixture.js';
import { DEMO_PASSWORDS } from '../support/slapd.js';

const directory = useDirectory();
let app: FastifyInstance;
let client: BrowserLikeClient;
let baseUrl: string;

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('the HTTP contract on the LDAP store', () => {
  before(async () => {
    const port = await freePort();
    const config = loadConfig({
      SEL_LISTEN: `127.0.0.1:${port}`,
      SEL_LOG_LEVEL: 'silent',
      SEL_AUTH: 'dev',
      SEL_DEV_USER: 'cmartin',
    });
    const store = directory.store({ passwordRules: SERVER_PASSWORD_RULES, timeoutMs: 800, retryAfterSeconds: 7 });
    app = await buildApp(config, { store, sharedState: new MemorySharedState() });
    await app.listen({ host: '127.0.0.1', port });
    baseUrl = `http://127.0.0.1:${port}`;
    client = new BrowserLikeClient(baseUrl);
    await client.login();
  });
  after(() => app?.close());
  it('GET /account reads the person from the directory, with a strong ETag', async () => {
    const response = await client.api('/account');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('ETag') ?? '', /^"[^"]+"$/);
    const account = await json(response);
    assert.equal(account['uid'], 'cmartin');
    assert.equal(typeof account['displayName'], 'string');
    // The shipped policy's pwdExpireWarning (1209600 s), for the page's expiry warning.
    assert.equal(account['passwordExpiryWarningDays'], 14);
  });

  it('PATCH writes the phones to the directory in the configured form; the second PATCH with the same ETag gets 412', async () => {
    const version = await client.version();
    const phones = [{ type: 'mobile', number: '+33612345678' }];
    const [first, second] = await Promise.all([
      client.api('/account', { method: 'PATCH', ifMatch: version, body: { phones } }),
      client.api('/account', { method: 'PATCH', ifMatch: version, body: { redList: true } }),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [200, 412]);
    const winner = first.status === 200 ? 'phones' : 'redList';
    if (winner === 'phones') {
      assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'mobile'), ['+33 6 12 34 56 78']);
    }
    const after = await json(await client.api('/account'));
    if (winner === 'phones') assert.deepEqual(after['phones'], phones);
    else assert.equal(after['redList'], true);
  });

  it('POST /account/password changes the password in the directory (the new one binds, the old one no longer)', async () => {
    const wrong = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: 'pas-le-bon-mot', newPassword: 'Jaunay-Marigny-86130!' },
    });
    assert.equal(wrong.status, 422);
    const response = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: DEMO_PASSWORDS.cmartin, newPassword: 'Jaunay-Marigny-86130!' },
    });
    assert.equal(response.status, 204, await response.clone().text());
    assert.equal(await canBind(directory.slapd.url, personDn('cmartin'), 'Jaunay-Marigny-86130!'), true);
    assert.equal(await canBind(directory.slapd.url, personDn('cmartin'), DEMO_PASSWORDS.cmartin), false);
  });

  it('slapd stopped: 503 directory_unavailable with Retry-After and a failing /readyz; started again: both recover', async () => {
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 200);
    await directory.slapd.halt();
    try {
      const response = await client.api('/account');
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('Retry-After'), '7');
      assert.equal(response.headers.get('Content-Type')?.split(';')[0], 'application/problem+json');
      assert.equal((await json(response))['code'], 'directory_unavailable');
      assert.equal((await fetch(`${baseUrl}/readyz`)).status, 503);
    } finally {
      await directory.slapd.start();
    }
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 200);
    assert.equal((await client.api('/account')).status, 200);
  });
});
