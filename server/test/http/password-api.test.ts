/**
 * `POST /account/password` on the real server, answers checked against docs/openapi.yaml: the policy
 * (strength included), the history, wrong current passwords counted per account until 429, 403 when the
 * password is not changed here, and login with the new password only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertConforms } from '../../../test/helpers/openapi-conformance.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';
import { verifyPassword } from '../../src/store/file/password-hash.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const STRONG = 'Velo-Rouge-Tuba-93!';

let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  server = await startTestServer({ SEL_PASSWORD_MAX_FAILURES: '3' });
  client = new BrowserLikeClient(server.url);
  await client.login();
});
after(() => server.close());

async function change(currentPassword: string, newPassword: string, headers: Record<string, string> = {}) {
  const response = await client.api('/account/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
    headers,
  });
  await assertConforms('/account/password', 'POST', response.clone());
  return response;
}

async function storedHash(): Promise<string> {
  const record = JSON.parse(await readFile(join(server.dataDir, 'accounts', 'cmartin.json'), 'utf8')) as {
    passwordHash: string;
  };
  return record.passwordHash;
}

describe('POST /account/password', () => {
  it('refuses a password the policy refuses, with every violation, without checking the current one', async () => {
    const response = await change('not-even-the-current-one', 'claire');
    assert.equal(response.status, 422);
    const body = (await response.json()) as { code: string; violations: string[] };
    assert.equal(body.code, 'policy_violation');
    assert.deepEqual(body.violations, [
      'too_short',
      'missing_upper',
      'missing_digit',
      'missing_special',
      'contains_personal_info',
      'too_weak',
    ]);
  });

  it('refuses a password that passes every rule but the zxcvbn strength', async () => {
    const response = await change(DEMO_PASSWORD, 'Password123!');
    assert.equal(response.status, 422);
    assert.deepEqual(((await response.json()) as { violations: string[] }).violations, ['too_weak']);
  });

  it('refuses the current password as the new one (history)', async () => {
    const response = await change(DEMO_PASSWORD, DEMO_PASSWORD);
    assert.equal(response.status, 422);
    assert.ok(((await response.json()) as { violations: string[] }).violations.includes('in_history'));
  });

  it('answers 422 wrong_current_password with the field, and keeps the password', async () => {
    const before = await storedHash();
    const response = await change('Pas-le-bon-2026!', STRONG);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { code: string; errors: unknown };
    assert.equal(body.code, 'wrong_current_password');
    assert.deepEqual(body.errors, [{ field: 'currentPassword', code: 'wrong_current_password' }]);
    assert.equal(await storedHash(), before);
  });

  it('changes the password: 204, stored as a scrypt hash of the new one, never in clear', async () => {
    const response = await change(DEMO_PASSWORD, STRONG);
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    const hash = await storedHash();
    assert.match(hash, /^\$scrypt\$/);
    assert.ok(await verifyPassword(STRONG, hash));
    const file = await readFile(join(server.dataDir, 'accounts', 'cmartin.json'), 'utf8');
    assert.ok(!file.includes(STRONG) && !file.includes(DEMO_PASSWORD));
  });

  it('then refuses going back to an earlier password (history of hashes)', async () => {
    const response = await change(STRONG, DEMO_PASSWORD);
    assert.equal(response.status, 422);
    assert.deepEqual(((await response.json()) as { violations: string[] }).violations, ['in_history']);
  });

  it('counts wrong current passwords per account: past the threshold, 429 with Retry-After, even for the right one', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      assert.equal((await change('Pas-le-bon-2026!', 'Autre-Velo-Bleu-94?')).status, 422);
    }
    const refused = await change(STRONG, 'Autre-Velo-Bleu-94?');
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('Retry-After'));
    assert.ok(retryAfter > 0 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    assert.equal(((await refused.json()) as { code: string }).code, 'rate_limited');
  });

  it('answers 400 to a body that is not a PasswordChange', async () => {
    const response = await client.api('/account/password', { method: 'POST', body: { password: 'x' } });
    assert.equal(response.status, 400);
    await assertConforms('/account/password', 'POST', response);
  });
});

describe('a password not changed here', () => {
  it('answers 403 change_not_allowed', async () => {
    const other = await startTestServer({ SEL_DEV_USER: 'pdurand' });
    try {
      const paul = new BrowserLikeClient(other.url);
      await paul.login();
      const response = await paul.api('/account/password', {
        method: 'POST',
        body: { currentPassword: 'Vienne-Clain-86!', newPassword: STRONG },
      });
      assert.equal(response.status, 403);
      assert.equal(((await response.clone().json()) as { code: string }).code, 'change_not_allowed');
      await assertConforms('/account/password', 'POST', response);
    } finally {
      await other.close();
    }
  });
});

describe('the per-address limit', () => {
  it('answers 429 with Retry-After once an address sent too many password changes', async () => {
    const other = await startTestServer({ SEL_PASSWORD_MAX_FAILURES: '1000' });
    try {
      const claire = new BrowserLikeClient(other.url);
      await claire.login();
      let last: Response | undefined;
      for (let attempt = 0; attempt < 25; attempt++) {
        last = await claire.api('/account/password', {
          method: 'POST',
          body: { currentPassword: 'x', newPassword: 'court' },
        });
        if (last.status === 429) break;
      }
      assert.equal(last?.status, 429);
      assert.ok(Number(last.headers.get('Retry-After')) > 0);
      assert.equal(((await last.clone().json()) as { code: string }).code, 'rate_limited');
      await assertConforms('/account/password', 'POST', last);
    } finally {
      await other.close();
    }
  });
});
