/**
 * The server with a mail relay, as an administrator enables it (`SEL_SMTP_URL`, `SEL_MAIL_FROM`,
 * `SEL_SUPPORT_CONTACT`): a password change sends a notice to the institutional address through a real SMTP
 * relay, after the answer and without any secret; `/readyz` names the relay; `/metrics` counts the mails.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';
import { MailService } from '../../src/mail/index.js';
import { LogSink } from '../auth/log-sink.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';

const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';

let relay: TestSmtpServer;
let server: TestServer;
let mail: MailService;
const logs = new LogSink();

before(async () => {
  relay = await startSmtpServer();
  const env = {
    SEL_SMTP_URL: relay.url,
    SEL_MAIL_FROM: 'Université d’Exemple <ne-pas-repondre@univ-exemple.fr>',
    SEL_SUPPORT_CONTACT: 'assistance@univ-exemple.fr',
  };
  // The same settings the server reads from its environment, so the relay is the one configured.
  const settings = loadConfig({ SEL_AUTH: 'dev', ...env }).mail!;
  mail = new MailService({ settings, logger: logs.logger });
  server = await startTestServer(env, { mail, loggerInstance: logs.logger });
});
after(async () => {
  await server.close();
  await mail.close();
  await relay.stop();
});

describe('a mail relay configured', () => {
  it('after a password change, mails a notice to the institutional address: when, from where, whom to call', async () => {
    const client = new BrowserLikeClient(server.url);
    await client.login();
    const response = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
      headers: { 'Accept-Language': 'fr' },
    });
    assert.equal(response.status, 204);

    const [notice] = await relay.waitForMails(1, 15_000);
    assert.ok(notice);
    const account = (await server.store.get('cmartin'))!.account;
    assert.deepEqual(notice.envelope.to, [account.mail]);
    assert.equal(notice.parsed.headers.get('auto-submitted'), 'auto-generated');
    const text = notice.parsed.text ?? '';
    assert.match(text, /mot de passe/i);
    assert.match(text, /127\.0\.0\.1/);
    assert.match(text, /assistance@univ-exemple\.fr/);
    assert.ok(text.includes(account.displayName), 'the greeting names the person');
    // No secret in the mail, in either part, nor in the log.
    for (const secret of [NEW_PASSWORD, DEMO_PASSWORD]) {
      assert.ok(!notice.raw.includes(secret), 'no password in the mail');
      assert.ok(!logs.text.includes(secret), 'no password in the log');
    }
    // The audit line says a notice left, and to which domain only.
    const line = logs.entries.find((entry) => entry['audit'] === 'notice-password-changed');
    assert.ok(line);
    assert.equal(line['outcome'], 'queued');
    assert.equal(line['recipientDomain'], account.mail!.split('@')[1]);
    assert.ok(!JSON.stringify(line).includes(account.mail!), 'the audit line holds the domain, not the address');
  });

  it('/readyz names the mail relay among its checks', async () => {
    const response = await fetch(`${server.url}/readyz`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { checks: Record<string, { ok: boolean }> };
    assert.deepEqual(Object.keys(body.checks).sort(), ['mail', 'sharedState', 'store']);
    assert.equal(body.checks['mail']?.ok, true);
  });

  it('/metrics counts the mails the relay took, by kind', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(text, /sel_mails_total\{kind="password-changed",outcome="sent"\} 1/);
    assert.match(text, /sel_mails_pending 0/);
  });
});

describe('no mail relay', () => {
  it('changes the password with no notice, and /readyz has no mail check', async () => {
    const plain = await startTestServer();
    try {
      const client = new BrowserLikeClient(plain.url);
      await client.login();
      const response = await client.api('/account/password', {
        method: 'POST',
        body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
      });
      assert.equal(response.status, 204);
      const body = (await (await fetch(`${plain.url}/readyz`)).json()) as { checks: Record<string, unknown> };
      assert.deepEqual(Object.keys(body.checks).sort(), ['sharedState', 'store']);
    } finally {
      await plain.close();
    }
  });
});
