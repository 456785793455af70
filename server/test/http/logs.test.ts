/**
 * The logs: JSON lines with a request id; one audit line per change (who, section, outcome); and never a
 * password, a phone number, a session cookie or a CSRF token, checked on everything pino wrote during a
 * password change and a phone change.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';
import { loggerOptions } from '../../src/http/logger-options.js';

const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
const WRONG_PASSWORD = 'Pas-le-bon-2026!';
const PHONE_TYPED = '06 98 76 54 32';
const PHONE_E164 = '+33698765432';

const lines: string[] = [];
let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino(loggerOptions('trace'), sink);
  server = await startTestServer({}, { loggerInstance: logger });
  client = new BrowserLikeClient(server.url);
  await client.login();
  await client.api('/account/password', {
    method: 'POST',
    body: { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD },
  });
  await client.api('/account/password', {
    method: 'POST',
    body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
  });
  await client.api('/account', {
    method: 'PATCH',
    body: { phones: [{ type: 'mobile', number: PHONE_TYPED }] },
    ifMatch: await client.version(),
  });
});
after(() => server.close());

const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the logs', () => {
  it('are JSON lines, each request with its id', () => {
    const requests = entries().filter((entry) => entry['req']);
    assert.ok(requests.length > 0);
    for (const entry of requests) assert.match(String(entry['reqId']), /^[0-9a-f-]{36}$/);
  });

  it('hold one audit line per login and change: the event, who, from which address, the outcome', () => {
    const audits = entries()
      .filter((entry) => entry['audit'])
      .map(({ audit, uid, ip, outcome }) => ({ audit, uid, ip, outcome }));
    assert.deepEqual(audits, [
      { audit: 'login', uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' },
      { audit: 'change-password', uid: 'cmartin', ip: '127.0.0.1', outcome: 'wrong_current_password' },
      { audit: 'change-password', uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' },
      { audit: 'change-phones', uid: 'cmartin', ip: '127.0.0.1', outcome: 'ok' },
    ]);
  });

  it('never hold a password, a phone number, the session cookie or the CSRF token', () => {
    const text = lines.join('\n');
    const secrets = [DEMO_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, PHONE_TYPED, PHONE_E164, '698765432', client.csrf];
    for (const secret of secrets) assert.ok(!text.includes(secret), `the logs hold ${secret}`);
    const cookieValue = client.cookie.split('=')[1] ?? '';
    assert.ok(cookieValue.length > 20 && !text.includes(cookieValue), 'the logs hold the session cookie');
  });
});
